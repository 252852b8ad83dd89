/**
 * An embedded chart: buttons move it between its states; its height goes to the host page in pym.js's
 * protocol (pym.Parent adds ?childId=... to our URL and resizes the iframe on each "height" message).
 */
import { createChart } from './scene-player.ts';
import { reducedMotion } from './motion.ts';
import type { ChartHandle } from '../shared/chart-types.ts';
import { unpackChartData, type PackedChartData } from '../shared/chart-pack.ts';
import { childIdFrom, parsePymMessage, pymMessage } from '../shared/pym-protocol.ts';

function reportHeight(): void {
  const id = childIdFrom(location.search);
  if (!id || window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage(pymMessage(id, 'height', height), '*');
  };
  // The host asks with a "width" message when its column changes; answer with our height.
  window.addEventListener('message', (e) => {
    if (parsePymMessage(e.data, id)?.type === 'width') {
      last = 0;
      send();
    }
  });
  new ResizeObserver(send).observe(document.body);
  send();
}

export function startEmbed(): void {
  document.documentElement.classList.add('story-ready');
  reportHeight();
  const root = document.querySelector<HTMLElement>('[data-embed]');
  const svg = root?.querySelector<SVGSVGElement>('svg[data-layout]');
  const group = root?.querySelector<HTMLElement>('.embed-states');
  if (!root || !svg || !group) return;
  // The buttons show from first paint (CSS, html.js): a press before the data arrives is kept and applied then.
  let chart: ChartHandle | undefined;
  let wanted: string | undefined;
  const buttons = [...group.querySelectorAll<HTMLButtonElement>('[data-state]')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
      wanted = button.dataset['state'] ?? '';
      chart?.update(wanted, { animate: !reducedMotion() });
    });
  }
  fetch(root.dataset['statesUrl'] ?? '')
    .then((r) => (r.ok ? (r.json() as Promise<PackedChartData>) : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((packed) => {
      chart = createChart(svg, unpackChartData(packed));
      if (wanted) chart.update(wanted, { animate: false });
      window.addEventListener('resize', () => chart?.resize());
    })
    .catch(() => {
      // Without the data the static chart stands; buttons that cannot work go.
      group.hidden = true;
    });
}
