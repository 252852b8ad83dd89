// Moved to scripts/lib/chromium.ts. Kept only while scripts/bench.mjs still imports it from here: delete then.
export * from '../../scripts/lib/chromium.ts';
