/**
 * The scroll controller: the only module that talks to scrollama. It reports which step is current,
 * as { index, id, direction, progress }, and stays right through flings, anchor jumps, reloads,
 * resizes and zoom: scrollama's IntersectionObserver reports steps as they cross the trigger line,
 * and once scrolling stops (scrollend, or a quiet moment) or the viewport changes, one read of the step
 * boxes confirms the step in view. Per scroll event nothing runs but a timer reset.
 */
import scrollama from 'scrollama';

export interface StepChange {
  index: number;
  id: string;
  direction: 'up' | 'down';
  /** How far the trigger line is through the step, 0 to 1. */
  progress: number;
}

export interface ScrollController {
  /** The step currently shown. */
  current(): StepChange | undefined;
  /** Re-measures (after a layout change such as a mode switch) and re-reports the step in view. */
  refresh(): void;
  destroy(): void;
}

export interface ScrollOptions {
  steps: HTMLElement[];
  /** Where the trigger line sits, as a fraction of the viewport height from the top. */
  offset: () => number;
  onStep: (change: StepChange) => void;
}

/**
 * The step in view: the last step whose top has passed the trigger line, else the first step.
 * Pure over the boxes so it can be unit-tested; `tops` are viewport-relative tops in order.
 */
export function stepAtLine(tops: readonly number[], line: number): number {
  let index = 0;
  tops.forEach((top, i) => {
    if (top <= line) index = i;
  });
  return index;
}

/** Each step's viewport-relative top, measured without forcing a layout. */
function stepTops(steps: readonly HTMLElement[]): Promise<number[]> {
  if (steps.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const tops = new Map<Element, number>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) tops.set(entry.target, entry.boundingClientRect.top);
      if (tops.size < steps.length) return;
      observer.disconnect();
      resolve(steps.map((s) => tops.get(s) ?? Number.POSITIVE_INFINITY));
    });
    for (const step of steps) observer.observe(step);
  });
}

export function createScrollController({ steps, offset, onStep }: ScrollOptions): ScrollController {
  const scroller = scrollama();
  let last: StepChange | undefined;
  let lastY = window.scrollY;

  function report(index: number, direction: 'up' | 'down', progress = 0): void {
    const element = steps[index];
    if (!element) return;
    const id = element.dataset['step'] ?? '';
    if (last?.id === id) return;
    last = { index, id, direction, progress };
    onStep(last);
  }

  /**
   * One read of the step boxes: which step is in view now. Runs when scrolling settles, not per frame,
   * and reads through an IntersectionObserver, which measures in the browser's own rendering update:
   * reading getBoundingClientRect here forced a layout of the whole page first (a long task at 4x CPU).
   */
  let reads = 0;
  function confirm(): void {
    const read = ++reads;
    void stepTops(steps).then((tops) => {
      if (read !== reads) return; // A newer read is on its way.
      const index = stepAtLine(tops, window.innerHeight * offset());
      const direction = window.scrollY >= lastY ? 'down' : 'up';
      lastY = window.scrollY;
      report(index, direction);
    });
  }

  function setup(): void {
    scroller
      // scrollama types its offset as tenths only; any fraction 0-1 works.
      .setup({ step: steps, offset: offset() as 0.5, progress: false })
      .onStepEnter(({ index, direction }) => report(index, direction));
  }

  setup();
  confirm();

  const onSettled = () => confirm();
  // Where scrollend is missing (older Safari) or does not fire (some instant programmatic scrolls),
  // confirm once scrolling has been quiet for a moment. The listener only resets a timer: no layout.
  let quietTimer: number | undefined;
  const onScroll = () => {
    window.clearTimeout(quietTimer);
    quietTimer = window.setTimeout(confirm, 120);
  };
  let resizeTimer: number | undefined;
  const onResize = () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      scroller.destroy();
      setup();
      confirm();
    }, 120);
  };
  window.addEventListener('scrollend', onSettled, { passive: true });
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onResize, { passive: true });
  window.addEventListener('hashchange', onSettled);

  return {
    current: () => last,
    refresh: () => {
      scroller.resize();
      confirm();
    },
    destroy() {
      reads++; // A read still in flight reports nothing.
      scroller.destroy();
      window.removeEventListener('scrollend', onSettled);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
      window.removeEventListener('hashchange', onSettled);
    },
  };
}
