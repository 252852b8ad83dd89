/**
 * The message format of pym.js (NPR's responsive iframe library, which newsroom CMSs use to size
 * embeds): "pymxPYMx<id>xPYMx<type>xPYMx<message>". A host page built with pym.Parent adds
 * ?childId=<id> to the embed's URL and listens for "height" messages from it.
 */
const SEP = 'xPYMx';

export function pymMessage(id: string, type: string, message: string | number): string {
  return ['pym', id, type, String(message)].join(SEP);
}

/** The parts of a pym message, or undefined if it is not one (or is for another embed). */
export function parsePymMessage(data: unknown, id: string): { type: string; message: string } | undefined {
  if (typeof data !== 'string') return undefined;
  const parts = data.split(SEP);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== id) return undefined;
  return { type: parts[2] ?? '', message: parts[3] ?? '' };
}

/** The embed's id from its URL: pym.Parent passes it as childId. */
export function childIdFrom(search: string): string | undefined {
  return new URLSearchParams(search).get('childId') ?? undefined;
}
