import type { Mark } from '../../shared/chart-types.ts';
import { r1 } from './marks.ts';

/** Moves every mark down by dy (the `all` state grows upwards to make room for labels above the lanes). */
export function shiftDown(marks: Mark[], dy: number): void {
  const shiftPath = (d: string) =>
    d.replace(/([MV])(-?[\d.]+)(?:,(-?[\d.]+))?/g, (_, cmd: string, a: string, b?: string) =>
      cmd === 'V' ? `V${r1(Number(a) + dy)}` : `M${a},${r1(Number(b) + dy)}`,
    );
  for (const m of marks) {
    const a = m.attrs;
    for (const name of ['y', 'y1', 'y2', 'cy']) if (typeof a[name] === 'number') a[name] = r1(a[name] + dy);
    if (typeof a['transform'] === 'string') {
      a['transform'] = a['transform'].replace(
        /translate\((-?[\d.]+),(-?[\d.]+)\)/,
        (_, x: string, y: string) => `translate(${x},${r1(Number(y) + dy)})`,
      );
    } else if (typeof a['d'] === 'string' && m.key.match(/^(leader-|rule$)/)) a['d'] = shiftPath(a['d']);
    if (typeof a['data-box'] === 'string') {
      const [bx, by, bw, bh] = a['data-box'].split(' ').map(Number) as [number, number, number, number];
      a['data-box'] = [bx, r1(by + dy), bw, bh].join(' ');
    }
  }
}
