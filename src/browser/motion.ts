/** Whether the reader asked for reduced motion: then states change without tweens. */
export const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
