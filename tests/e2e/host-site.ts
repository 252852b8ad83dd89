import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Another site, on its own origin (another port), serving one page: the news site that embeds or
 * frames ours. A real server: Chromium blocks frames from pages it cannot place on the network.
 */
export async function startHostSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
