import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Another site, on its own origin (another port): the news site that embeds or frames ours. It serves
 * `html` at every path but those in `files` (e.g. a script the page loads). A real server: Chromium
 * blocks frames from pages it cannot place on the network.
 */
export async function startHostSite(
  html: string,
  files: Record<string, { type: string; body: string | Buffer }> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://host').pathname];
    res.writeHead(200, { 'Content-Type': file?.type ?? 'text/html; charset=utf-8' });
    res.end(file?.body ?? html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
