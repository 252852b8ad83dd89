/** The comparison chart in the browser: the shared scene player animates its precomputed states. */
export { createChart } from '../scene-player.ts';
