#!/usr/bin/env node
// @ts-check
// npm run bench: build, serve dist/ compressed like a CDN on 127.0.0.1, and measure in real Chromium, twice:
// at Lighthouse's mobile preset (4x CPU) and at a CPU slowdown that brings this machine down to a low-end
// phone (this machine's Lighthouse benchmarkIndex / 264, Chrome DevTools' calibration of a Moto G Power 2022).
//  1. Lighthouse, mobile preset (simulated slow 4G), N runs each, median; the two peer pages in
//     ../shared/peers/ are measured in the same run, alternating with the story, and compared as ratios
//  2. three scroll passes at 390x844 at each CPU setting: frame times, long tasks, step-to-graphic time
//  3. bytes shipped, raw / gzip / brotli, and the elements of the first HTML
// Writes bench/results.json and bench/latest.md, prints the table. A benchmark, not a test: numbers vary.
//   node tools/bench.mjs [--runs 3] [--no-build] [--compare DIR]
// --compare DIR: also measures a previous build (e.g. one built from main) in the same run, alternating with
// this one, and prints the two side by side: on a shared, busy machine only a same-run comparison is fair.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium.ts';
import { countElements } from './lib/count-elements.ts';
import { filesUnder } from './lib/files-under.ts';

// Lighthouse's simulator, for the first-paint breakdown: an internal module, so a missing one only drops that row.
/** @type {any} */
const Lantern = await import('lighthouse/core/lib/lantern/lantern.js').catch(() => undefined);

const DIST = process.env['DIST_DIR'] ?? 'dist-bench';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const compareArg = process.argv.indexOf('--compare');
const COMPARE_DIR = compareArg > 0 ? process.argv[compareArg + 1] : undefined;
const PREVIOUS = 'previous build';
const SCROLL_PASSES = 3;
const VSYNC_MS = 1000 / 60;
const ONE_FRAME_MS = 16.75;
/** Lighthouse's mobile preset. */
const MOBILE_CPU = 4;
/**
 * Chrome DevTools' CPU calibration (CalibrationController.ts in chrome-devtools-frontend): a low-tier phone
 * (Moto G Power 2022) scores a Lighthouse benchmarkIndex of 264, a mid-tier one (Pixel 5 class) 1000.
 */
const LOW_END_BENCHMARK_INDEX = 264;
/** FCP and LCP may exceed the network floor (first byte plus the document's transfer) by this much. */
const FLOOR_MARGIN_MS = 60;

/** The peers live beside the project (../shared/peers/), not in it: absent on CI. */
const PEERS_DIR = fileURLToPath(new URL('../../shared/peers/', import.meta.url));
const PEER_PAGES = [
  { name: 'TimelineJS', dir: 'timelinejs' },
  { name: 'scrollama + d3', dir: 'scrollama-d3' },
];
/** What the peers do that a timing cannot show (see ../shared/peers/README.md). */
const PEER_NOTES = { jsKB: '– / 80 KB', noJs: 'blank / no charts' };

const TARGETS = {
  performance: 100,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  fcpOverFloorMs: FLOOR_MARGIN_MS,
  lcpOverFloorMs: FLOOR_MARGIN_MS,
  tbtMobile: 50,
  tbtLowEnd: 200,
  cls: 0,
  p95: 16.7,
  longTasks: 0,
  jsGzipKB: 45,
  elements: 1400,
  aheadOfPeers: 'story / peer < 1 on TBT and LCP at both settings',
};

/**
 * @typedef {{ documentMs: number, documentBytes: number, firstByteMs: number, parseMs: number,
 *   layoutPaintMs: number, otherRequests: number }} FcpParts
 * @typedef {{ performance: number, accessibility: number, 'best-practices': number, seo: number, fcp: number,
 *   lcp: number, tbt: number, cls: number, si: number, benchmarkIndex: number, cpu: number,
 *   fcpParts: FcpParts | undefined, failing: string[], shifted: string[] }} LighthouseRun
 * @typedef {{ [K in 'performance' | 'accessibility' | 'best-practices' | 'seo' | 'fcp' | 'lcp' | 'tbt' | 'cls'
 *   | 'si' | 'benchmarkIndex']: number } & { range: Record<string, [number, number]>, runs: number,
 *   fcpParts: FcpParts | undefined, failingAudits: string[], shifted: string[] }} LighthouseSummary
 * @typedef {{ frames: number, p50: number, p95: number, max: number, rawP95: number, dropped: number,
 *   longTasks: number, longestTask: number, stepsSeen: number, stepToStateP95: number, stepToStateMax: number,
 *   tweenMs: number }} ScrollPass
 * @typedef {ScrollPass & { cpu: number, passes: number, longTasksPerPass: number[], longestTaskAnyPass: number }} ScrollSummary
 */

/**
 * What Lighthouse's first-paint estimate is made of, read from its simulator ("Lantern") right after a run:
 * the HTML document's simulated download, then the main-thread tasks it counts (first parse slice, first
 * layout and paint), already slowed down. An internal API, so best effort: undefined if it changes shape.
 * @returns {FcpParts | undefined}
 */
function fcpParts() {
  try {
    /** @type {Map<any, any> | undefined} */
    const timings = Lantern?.Simulation.Simulator.allNodeTimings.get('optimisticFirstContentfulPaint');
    if (!timings) return undefined;
    const parts = { documentMs: 0, documentBytes: 0, firstByteMs: 0, parseMs: 0, layoutPaintMs: 0, otherRequests: 0 };
    for (const [node, t] of timings) {
      const ms = t.endTime - t.startTime;
      if (node.type === 'network' && node.isMainDocument()) {
        parts.documentMs = t.endTime;
        parts.documentBytes = node.request.transferSize;
        parts.firstByteMs = t.connectionTiming?.timeToFirstByte ?? 0;
      } else if (node.type === 'network') parts.otherRequests++;
      else if (node.didPerformLayout()) parts.layoutPaintMs += ms;
      else parts.parseMs += ms;
    }
    return parts;
  } catch {
    return undefined;
  }
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
/** @param {number[]} xs @param {number} p */
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** @param {number} n */
const ms = (n) => `${Math.round(n).toLocaleString('en')} ms`;

if (!process.argv.includes('--no-build')) {
  console.log(`▶ building into ${DIST}/`);
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DIST_DIR: DIST,
      // Built as a publication builds it: with an origin, canonical and share tags are absolute (Lighthouse's
      // canonical audit fails a preview build's root-relative link).
      SITE: process.env['SITE'] ?? 'https://news.example.org',
      ASTRO_CACHE_DIR: 'node_modules/.astro-bench',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const chromePath = requireChromium();

/** One Lighthouse run, mobile preset, with the CPU slowed `cpu` times. @param {string} url @param {number} cpu @returns {Promise<LighthouseRun>} */
async function lighthouseRun(url, cpu) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      // Merged into the mobile preset's throttling: only the CPU changes.
      throttling: /** @type {any} */ ({ cpuSlowdownMultiplier: cpu }),
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    const a = lhr.audits;
    /** @param {string} id */
    const value = (id) => a[id]?.numericValue ?? NaN;
    /** @param {string} id */
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      si: value('speed-index'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      cpu: lhr.configSettings.throttling.cpuSlowdownMultiplier ?? cpu,
      fcpParts: fcpParts(),
      failing: Object.values(a)
        .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary')
        .map((x) => x.id),
      shifted: shiftCulprits(a['layout-shifts']?.details),
    };
  } finally {
    chrome.kill();
  }
}

/** What moved, when anything did: Lighthouse's layout-shift culprits, by selector. @param {any} details @returns {string[]} */
function shiftCulprits(details) {
  return (details?.items ?? []).map((/** @type {any} */ item) => item.node?.selector ?? '?');
}

/** Medians of a page's runs, with each measure's range; the first-paint parts come from the median-FCP run. @param {LighthouseRun[]} runs @returns {LighthouseSummary} */
function summarize(runs) {
  const keys = /** @type {const} */ ([
    'performance',
    'accessibility',
    'best-practices',
    'seo',
    'fcp',
    'lcp',
    'tbt',
    'cls',
    'si',
    'benchmarkIndex',
  ]);
  /** @type {any} */
  const out = { range: {}, runs: runs.length };
  for (const key of keys) {
    const xs = runs.map((r) => r[key]);
    out[key] = median(xs);
    out.range[key] = [Math.min(...xs), Math.max(...xs)];
  }
  out.fcpParts = runs.find((r) => r.fcp === out.fcp)?.fcpParts;
  out.failingAudits = [...new Set(runs.flatMap((r) => r.failing))];
  out.shifted = [...new Set(runs.flatMap((r) => r.shifted))];
  return out;
}

/**
 * Scroll passes through the whole story at 390x844 with the CPU slowed `cpu` times, each in a fresh
 * context, alternating between the builds given. Reports each build's median pass (by p95 frame, then by
 * long tasks) and every pass's long tasks, so one noisy pass on a busy machine neither hides nor decides.
 * @param {import('playwright-core').Browser} browser @param {{ name: string, url: string }[]} builds @param {number} cpu
 * @returns {Promise<Record<string, ScrollSummary>>}
 */
async function scrollPasses(browser, builds, cpu) {
  /** @type {Record<string, ScrollPass[]>} */
  const passes = Object.fromEntries(builds.map((b) => [b.name, []]));
  for (let pass = 0; pass < SCROLL_PASSES; pass++) {
    for (const build of builds) {
      const result = await scrollPass(browser, build.url, cpu);
      passes[build.name]?.push(result);
      console.log(
        `  scroll pass ${pass + 1} at CPU ${cpu.toFixed(1)}x, ${build.name}: p95 ${result.p95.toFixed(1)} ms, long tasks ${result.longTasks}`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(passes).map(([name, list]) => {
      const ranked = [...list].sort((x, y) => x.p95 - y.p95 || x.longTasks - y.longTasks || x.dropped - y.dropped);
      /** @type {ScrollSummary} */
      const summary = {
        .../** @type {ScrollPass} */ (ranked[Math.floor(ranked.length / 2)]),
        cpu,
        passes: list.length,
        longTasksPerPass: list.map((x) => x.longTasks),
        longestTaskAnyPass: Math.max(...list.map((x) => x.longestTask)),
      };
      return [name, summary];
    }),
  );
}

/** One scroll pass. @param {import('playwright-core').Browser} browser @param {string} url @param {number} cpu @returns {Promise<ScrollPass>} */
async function scrollPass(browser, url, cpu) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: false,
    });
    let last = performance.now();
    /** @param {number} t */
    const loop = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    performance.clearMarks();
  });
  const end = await page.evaluate(
    () => (document.querySelector('.scrolly')?.getBoundingClientRect().bottom ?? 0) + window.scrollY,
  );
  const start = Date.now();
  while ((await page.evaluate(() => window.scrollY + window.innerHeight)) < end && Date.now() - start < 180_000) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(800);
  const data = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__stop = true;
    const marks = performance.getEntriesByType('mark');
    const enter = new Map(
      marks.filter((m) => m.name.startsWith('qe:step-enter:')).map((m) => [m.name.slice(14), m.startTime]),
    );
    const applied = marks
      .filter((m) => m.name.startsWith('qe:state-applied:'))
      .map((m) => m.startTime - (enter.get(m.name.slice(17)) ?? m.startTime));
    return {
      /** @type {number[]} */ frames: w.__frames.slice(1),
      /** @type {number[]} */ longTasks: w.__longTasks,
      applied,
      steps: enter.size,
    };
  });
  // rAF timestamps are the frames' vsync-aligned begin times, coarsened by the browser to 0.1 ms, so a
  // steady 60 Hz shows as 16.6, 16.7 and 16.8 ms at random. Each delta is a whole number of vsync
  // intervals: report it as such (the raw p95 is kept alongside).
  const frames = data.frames.map((t) => Math.max(1, Math.round(t / VSYNC_MS)) * VSYNC_MS);
  await context.close();
  return {
    frames: frames.length,
    p50: pct(frames, 50),
    p95: pct(frames, 95),
    max: Math.max(...frames),
    rawP95: pct(data.frames, 95),
    // A frame that took more than one and a half vsync intervals at 60 Hz: at least one frame dropped.
    dropped: data.frames.filter((t) => t > 25).length,
    longTasks: data.longTasks.length,
    longestTask: data.longTasks.length ? Math.max(...data.longTasks) : 0,
    stepsSeen: data.steps,
    stepToStateP95: pct(data.applied, 95),
    stepToStateMax: data.applied.length ? Math.max(...data.applied) : 0,
    tweenMs: 550,
  };
}

const peersFound = PEER_PAGES.every((p) => existsSync(join(PEERS_DIR, p.dir, 'index.html')));
if (!peersFound) console.log(`▶ peer pages not found in ${PEERS_DIR}: measuring the story alone, no ratios`);
const peers = peersFound ? PEER_PAGES : [];

const storyServer = await serve({ dir: DIST, port: 0 });
const previousServer = COMPARE_DIR ? await serve({ dir: COMPARE_DIR, port: 0 }) : undefined;
const peerServers = await Promise.all(peers.map((p) => serve({ dir: join(PEERS_DIR, p.dir), port: 0 })));
const servers = [storyServer, ...(previousServer ? [previousServer] : []), ...peerServers];
const builds = [
  { name: 'this story', url: storyServer.url },
  ...(previousServer ? [{ name: PREVIOUS, url: previousServer.url }] : []),
];
const pages = [...builds, ...peers.map((p, i) => ({ name: p.name, url: peerServers[i]?.url ?? '' }))];
/**
 * @type {{ date: string, url: string, benchmarkIndex: number, benchmarkIndexRange: number[], cpu: { mobile: number, lowEnd: number },
 *   lighthouse: Record<'mobile' | 'lowEnd', Record<string, LighthouseSummary>>,
 *   scroll: Partial<Record<'mobile' | 'lowEnd', Record<string, ScrollSummary>>>, bytes: Record<string, { raw: number, gzip: number, brotli: number }>,
 *   elements: number }}
 */
const results = {
  date: new Date().toISOString(),
  url: storyServer.url,
  benchmarkIndex: 0,
  benchmarkIndexRange: [0, 0],
  cpu: { mobile: MOBILE_CPU, lowEnd: 0 },
  lighthouse: { mobile: {}, lowEnd: {} },
  scroll: {},
  bytes: {},
  elements: 0,
};

/** Lighthouse on every page, alternating (story, peer A, peer B, story, ...) so load on the machine hits all alike. @param {number} cpu */
async function lighthouseRound(cpu) {
  /** @type {Record<string, LighthouseRun[]>} */
  const runs = Object.fromEntries(pages.map((p) => [p.name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const page of pages) {
      const run = await lighthouseRun(page.url, cpu);
      runs[page.name]?.push(run);
      console.log(
        `  lighthouse CPU ${cpu.toFixed(1)}x, run ${i + 1}, ${page.name}: perf ${run.performance}, FCP ${Math.round(run.fcp)} ms, LCP ${Math.round(run.lcp)} ms, TBT ${Math.round(run.tbt)} ms (benchmarkIndex ${Math.round(run.benchmarkIndex)})`,
      );
    }
  }
  return runs;
}

try {
  // A CDN serves files it compressed once; wait until each server has compressed every file, so no run pays for that.
  await Promise.all(servers.map((s) => s.warm()));

  // 1. Lighthouse at the mobile preset, then at this machine brought down to a low-end phone.
  console.log(`▶ Lighthouse, mobile preset (CPU ${MOBILE_CPU}x), ${RUNS} runs of ${pages.length} page(s)`);
  const mobileRuns = await lighthouseRound(MOBILE_CPU);
  // The median of every run's: the index is measured at the start of each run and swings with the machine's load.
  const indexes = Object.values(mobileRuns).flatMap((rs) => rs.map((r) => r.benchmarkIndex));
  results.benchmarkIndex = median(indexes);
  results.benchmarkIndexRange = [Math.min(...indexes), Math.max(...indexes)];
  results.cpu.lowEnd = results.benchmarkIndex / LOW_END_BENCHMARK_INDEX;
  console.log(
    `▶ benchmarkIndex ${Math.round(results.benchmarkIndex)}: low-end CPU multiplier ${results.benchmarkIndex.toFixed(0)} / ${LOW_END_BENCHMARK_INDEX} = ${results.cpu.lowEnd.toFixed(2)}x`,
  );
  const lowEndRuns = await lighthouseRound(results.cpu.lowEnd);
  for (const page of pages) {
    results.lighthouse.mobile[page.name] = summarize(mobileRuns[page.name] ?? []);
    results.lighthouse.lowEnd[page.name] = summarize(lowEndRuns[page.name] ?? []);
  }

  // 2. Scroll passes through the story at both settings.
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  try {
    results.scroll.mobile = await scrollPasses(browser, builds, MOBILE_CPU);
    results.scroll.lowEnd = await scrollPasses(browser, builds, results.cpu.lowEnd);
  } finally {
    await browser.close();
  }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}

// The raw measurements first: a report that fails to render loses no run.
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({ ...results, targets: TARGETS }, null, 2));

// 3. Bytes and elements.
/** @param {string} dir @returns {string[]} */
const walk = (dir) => filesUnder(dir);
/** @type {Record<string, string>} */
const KINDS = {
  '.html': 'html',
  '.css': 'css',
  '.js': 'js',
  '.woff': 'fonts',
  '.woff2': 'fonts',
  '.ttf': 'fonts',
  '.png': 'images',
  '.svg': 'images',
  '.jpg': 'images',
  '.json': 'data',
  '.csv': 'data',
};
/** @param {string} f */
const kind = (f) =>
  /[/\\]charts[/\\][^/\\]+[/\\][^/\\]+\.svg$/.test(f)
    ? 'chart files (svg: no-JS, article mode and print load these)'
    : (KINDS[extname(f)] ?? 'other');
const storyFiles = [join(DIST, 'index.html'), ...walk(join(DIST, '_astro')), ...walk(join(DIST, 'charts'))];
const bytes = results.bytes;
for (const f of storyFiles) {
  const body = readFileSync(f);
  const k = kind(f);
  const entry = (bytes[k] ??= { raw: 0, gzip: 0, brotli: 0 });
  entry.raw += body.length;
  entry.gzip += gzipSync(body, { level: 9 }).length;
  entry.brotli += brotliCompressSync(body).length;
}
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
bytes['css (inline in html)'] = {
  raw: css.length,
  gzip: gzipSync(css, { level: 9 }).length,
  brotli: brotliCompressSync(Buffer.from(css)).length,
};
for (const k of ['fonts', 'images']) bytes[k] ??= { raw: 0, gzip: 0, brotli: 0 };
results.elements = countElements(html).inDocument;

// Report.
const story = 'this story';
const L = { mobile: results.lighthouse.mobile[story], lowEnd: results.lighthouse.lowEnd[story] };
const S = { mobile: results.scroll.mobile?.[story], lowEnd: results.scroll.lowEnd?.[story] };
if (!L.mobile || !L.lowEnd || !S.mobile || !S.lowEnd) throw new Error('bench: a measurement is missing');
const lowEndLabel = `low-end (CPU ${results.cpu.lowEnd.toFixed(1)}x)`;
/** @param {boolean} ok @param {string} miss */
const verdict = (ok, miss) => (ok ? 'met' : `missed by ${miss}`);
/** @param {LighthouseSummary} l */
const floorOf = (l) => l.fcpParts?.documentMs;
/** FCP or LCP against the network floor. @param {LighthouseSummary} l @param {'fcp' | 'lcp'} key */
const overFloor = (l, key) => {
  const floor = floorOf(l);
  const range = l.range[key] ?? [0, 0];
  const text = `${ms(l[key])} (runs ${range.map(Math.round).join('–')})`;
  return floor === undefined ? text : `${text}; floor + ${Math.round(l[key] - floor)} ms`;
};
/** @param {LighthouseSummary} l @param {'fcp' | 'lcp'} key */
const floorVerdict = (l, key) => {
  const floor = floorOf(l);
  if (floor === undefined) return 'floor unknown';
  const over = l[key] - floor;
  return verdict(over <= FLOOR_MARGIN_MS, `${Math.round(over - FLOOR_MARGIN_MS)} ms`);
};
/** @param {LighthouseSummary} l */
const parts = (l) =>
  l.fcpParts
    ? `document ${ms(l.fcpParts.documentMs)} (${kb(l.fcpParts.documentBytes)}: first byte at ${ms(l.fcpParts.firstByteMs)}, then ${ms(l.fcpParts.documentMs - l.fcpParts.firstByteMs)}), first parse slice ${ms(l.fcpParts.parseMs)}, first layout and paint ${ms(l.fcpParts.layoutPaintMs)}, other requests ${l.fcpParts.otherRequests}`
    : '–';
/** @param {ScrollSummary} s */
const frameText = (s) =>
  `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)} ms (timer's raw p95 ${s.rawP95.toFixed(1)})`;
/** @param {ScrollSummary} s */
const longTaskText = (s) =>
  `${s.longTasks} in the median pass (per pass: ${s.longTasksPerPass.join(', ')}; longest ${Math.round(s.longestTaskAnyPass)} ms)`;
/** @param {ScrollSummary} s */
const stepText = (s) => `${s.stepToStateP95.toFixed(1)} / ${s.stepToStateMax.toFixed(1)} ms + ${s.tweenMs} ms tween`;
/** @param {'performance' | 'accessibility' | 'best-practices' | 'seo'} key @param {string} label */
const scoreRow = (key, label) => [
  label,
  String(L.mobile?.[key]),
  String(L.lowEnd?.[key]),
  '100 at 4x',
  verdict((L.mobile?.[key] ?? 0) >= 100, String(100 - (L.mobile?.[key] ?? 0))),
];
const jsGzip = bytes['js']?.gzip ?? 0;
const htmlBytes = bytes['html'] ?? { raw: 0, gzip: 0, brotli: 0 };

/** @type {string[][]} */
const rows = [
  scoreRow('performance', 'Lighthouse performance'),
  scoreRow('accessibility', 'Lighthouse accessibility'),
  scoreRow('best-practices', 'Lighthouse best practices'),
  scoreRow('seo', 'Lighthouse SEO'),
  [
    'First contentful paint',
    overFloor(L.mobile, 'fcp'),
    overFloor(L.lowEnd, 'fcp'),
    `≤ floor + ${FLOOR_MARGIN_MS} ms`,
    `4x ${floorVerdict(L.mobile, 'fcp')}; low-end ${floorVerdict(L.lowEnd, 'fcp')}`,
  ],
  ['… of which (median run, simulated; the document is the network floor)', parts(L.mobile), parts(L.lowEnd), '–', ''],
  [
    'Largest contentful paint',
    overFloor(L.mobile, 'lcp'),
    overFloor(L.lowEnd, 'lcp'),
    `≤ floor + ${FLOOR_MARGIN_MS} ms`,
    `4x ${floorVerdict(L.mobile, 'lcp')}; low-end ${floorVerdict(L.lowEnd, 'lcp')}`,
  ],
  [
    'Total blocking time',
    `${ms(L.mobile.tbt)} (runs ${L.mobile.range['tbt']?.map(Math.round).join('–')})`,
    `${ms(L.lowEnd.tbt)} (runs ${L.lowEnd.range['tbt']?.map(Math.round).join('–')})`,
    `≤ ${TARGETS.tbtMobile} ms at 4x, ≤ ${TARGETS.tbtLowEnd} ms low-end`,
    `4x ${verdict(L.mobile.tbt <= TARGETS.tbtMobile, ms(L.mobile.tbt - TARGETS.tbtMobile))}; low-end ${verdict(L.lowEnd.tbt <= TARGETS.tbtLowEnd, ms(L.lowEnd.tbt - TARGETS.tbtLowEnd))}`,
  ],
  [
    'Cumulative layout shift',
    L.mobile.cls.toFixed(3),
    L.lowEnd.cls.toFixed(3),
    '0',
    verdict(L.mobile.cls === 0 && L.lowEnd.cls === 0, Math.max(L.mobile.cls, L.lowEnd.cls).toFixed(3)),
  ],
  ['Speed index', ms(L.mobile.si), ms(L.lowEnd.si), '–', ''],
  [
    'Scroll frame p50 / p95 / max, in 60 Hz frames (median of 3 passes)',
    frameText(S.mobile),
    frameText(S.lowEnd),
    'p95 ≤ 16.7 ms at 4x',
    verdict(S.mobile.p95 <= VSYNC_MS + 0.01, `${(S.mobile.p95 - VSYNC_MS).toFixed(1)} ms`),
  ],
  [
    'Dropped frames while scrolling',
    `${S.mobile.dropped} of ${S.mobile.frames}`,
    `${S.lowEnd.dropped} of ${S.lowEnd.frames}`,
    '–',
    '',
  ],
  [
    'Long tasks while scrolling',
    longTaskText(S.mobile),
    longTaskText(S.lowEnd),
    '0 at 4x',
    verdict(S.mobile.longTasks === 0, `${S.mobile.longTasks} tasks`),
  ],
  [
    'Step to graphic state (p95 / max)',
    stepText(S.mobile),
    stepText(S.lowEnd),
    '≤ 1 frame + tween at 4x',
    verdict(S.mobile.stepToStateMax <= ONE_FRAME_MS, `${(S.mobile.stepToStateMax - 16.7).toFixed(1)} ms`),
  ],
  [
    'Elements in index.html / its brotli size',
    `${results.elements.toLocaleString('en')} / ${kb(htmlBytes.brotli)}`,
    'same',
    `≤ ${TARGETS.elements.toLocaleString('en')} elements`,
    verdict(results.elements <= TARGETS.elements, `${results.elements - TARGETS.elements} elements`),
  ],
  ['JavaScript (gzip)', kb(jsGzip), 'same', '≤ 45 KB', verdict(jsGzip <= 45 * 1024, kb(jsGzip - 45 * 1024))],
  ['Without JavaScript', 'full story, every chart', 'same', 'full story', 'met'],
];
/** @param {string[]} header @param {string[][]} body */
const mdTable = (header, body) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const table = mdTable(['measure', 'CPU 4x (mobile preset)', lowEndLabel, 'target', ''], rows);

/** @param {LighthouseSummary | undefined} l */
const lhCell = (l) => (l ? `${l.performance} / ${ms(l.fcp)} / ${ms(l.lcp)} / ${ms(l.tbt)}` : '–');
/** story ÷ peer; below 1 the story is ahead. @param {number} a @param {number} b */
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : a > 0 ? '∞' : '–');
/** @param {'mobile' | 'lowEnd'} setting @param {string} peer */
const ratioCell = (setting, peer) => {
  const s = results.lighthouse[setting][story];
  const p = results.lighthouse[setting][peer];
  return s && p ? `${ratio(s.fcp, p.fcp)} / ${ratio(s.lcp, p.lcp)} / ${ratio(s.tbt, p.tbt)}` : '–';
};
/** @param {string} peer */
const ahead = (peer) =>
  /** @type {const} */ (['mobile', 'lowEnd']).every((setting) => {
    const s = results.lighthouse[setting][story];
    const p = results.lighthouse[setting][peer];
    return s && p && s.lcp < p.lcp && (s.tbt < p.tbt || s.tbt === 0);
  });
const peerTable = peers.length
  ? `\n\nThe peers, measured in the same run (Lighthouse mobile preset, ${RUNS} runs each, alternating with the story, median):\n\n${mdTable(
      ['page', 'CPU 4x: score / FCP / LCP / TBT', `${lowEndLabel}: score / FCP / LCP / TBT`],
      pages.map((p) => [p.name, lhCell(results.lighthouse.mobile[p.name]), lhCell(results.lighthouse.lowEnd[p.name])]),
    )}\n\n${mdTable(
      [
        'story ÷ peer (below 1: the story is ahead)',
        'CPU 4x: FCP / LCP / TBT',
        `${lowEndLabel}: FCP / LCP / TBT`,
        'ahead on LCP and TBT at both',
      ],
      peers.map((p) => [
        `÷ ${p.name}`,
        ratioCell('mobile', p.name),
        ratioCell('lowEnd', p.name),
        ahead(p.name) ? 'yes' : 'no',
      ]),
    )}\n\nWhat timings cannot show: JavaScript (gzip) ${PEER_NOTES.jsKB}; without JavaScript: ${PEER_NOTES.noJs} (TimelineJS / scrollama + d3).`
  : `\n\nPeer pages not found (${PEERS_DIR}): no side-by-side measurement in this run.`;

/** This build beside the previous one (--compare), both measured in the same run. */
function comparisonTable() {
  if (!COMPARE_DIR) return '';
  const previousHtml = readFileSync(join(COMPARE_DIR, 'index.html'));
  /** @type {[string, (name: string, setting: 'mobile' | 'lowEnd') => string][]} */
  const measures = [
    ['Lighthouse performance', (n, k) => String(results.lighthouse[k][n]?.performance ?? '–')],
    ['First contentful paint', (n, k) => ms(results.lighthouse[k][n]?.fcp ?? NaN)],
    ['Largest contentful paint', (n, k) => ms(results.lighthouse[k][n]?.lcp ?? NaN)],
    [
      'Total blocking time (runs)',
      (n, k) =>
        `${ms(results.lighthouse[k][n]?.tbt ?? NaN)} (${results.lighthouse[k][n]?.range['tbt']?.map(Math.round).join('–')})`,
    ],
    ['Cumulative layout shift', (n, k) => (results.lighthouse[k][n]?.cls ?? NaN).toFixed(3)],
    ['Scroll frame p95', (n, k) => `${results.scroll[k]?.[n]?.p95.toFixed(1)} ms`],
    [
      'Long tasks while scrolling (median pass; per pass)',
      (n, k) => `${results.scroll[k]?.[n]?.longTasks} (${results.scroll[k]?.[n]?.longTasksPerPass.join(', ')})`,
    ],
    ['Longest task while scrolling', (n, k) => ms(results.scroll[k]?.[n]?.longestTaskAnyPass ?? NaN)],
    ['Dropped frames', (n, k) => `${results.scroll[k]?.[n]?.dropped} of ${results.scroll[k]?.[n]?.frames}`],
    ['Step to graphic state, max', (n, k) => `${results.scroll[k]?.[n]?.stepToStateMax.toFixed(1)} ms`],
  ];
  const body = [
    [
      'Elements in index.html / brotli',
      `${countElements(previousHtml.toString('utf8')).inDocument.toLocaleString('en')} / ${kb(brotliCompressSync(previousHtml).length)}`,
      `${results.elements.toLocaleString('en')} / ${kb(bytes['html']?.brotli ?? 0)}`,
      'same',
      'same',
    ],
    ...measures.map(([label, cell]) => [
      label,
      cell(PREVIOUS, 'mobile'),
      cell(story, 'mobile'),
      cell(PREVIOUS, 'lowEnd'),
      cell(story, 'lowEnd'),
    ]),
  ];
  return `\n\nThis build beside the previous one (${COMPARE_DIR}), measured in the same run, alternating:\n\n${mdTable(
    ['measure', 'previous, CPU 4x', 'this, CPU 4x', `previous, ${lowEndLabel}`, `this, ${lowEndLabel}`],
    body,
  )}`;
}

const bytesTable = mdTable(
  ['bytes (story page)', 'raw', 'gzip', 'brotli'],
  Object.entries(bytes).map(([k, v]) => [k, kb(v.raw), kb(v.gzip), kb(v.brotli)]),
);
const failing = [
  L.mobile.failingAudits.length ? `\nLighthouse audits not passed: ${L.mobile.failingAudits.join(', ')}\n` : '',
  [...L.mobile.shifted, ...L.lowEnd.shifted].length
    ? `\nLayout shifts seen by Lighthouse in some run: ${[...new Set([...L.mobile.shifted, ...L.lowEnd.shifted])].join(', ')}\n`
    : '',
].join('');
const md = `Measured ${results.date.slice(0, 10)} on a 2-core machine (Lighthouse benchmarkIndex ${Math.round(results.benchmarkIndex)}, median of the 4x runs, which ranged ${results.benchmarkIndexRange.map(Math.round).join('–')}; low-end multiplier ${Math.round(results.benchmarkIndex)} / ${LOW_END_BENCHMARK_INDEX} = ${results.cpu.lowEnd.toFixed(2)}x), Chromium ${chromePath}, Lighthouse ${RUNS} runs per page and setting (median). The floor is Lighthouse's simulated first byte plus the document's transfer.\n\n${table}${peerTable}${comparisonTable()}\n\n${bytesTable}\n${failing}`;

writeFileSync('bench/results.json', JSON.stringify({ ...results, targets: TARGETS }, null, 2));
writeFileSync('bench/latest.md', md);
// The README shows the latest table between its bench markers.
const readme = readFileSync('README.md', 'utf8');
const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
if (marked.test(readme))
  writeFileSync(
    'README.md',
    readme.replace(marked, (_, start, end) => `${start}${md.trim()}\n${end}`),
  );
// Both are committed: keep them in the project's format so `npm test`'s format check stays green.
spawnSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', 'README.md', 'bench/latest.md'], {
  stdio: 'ignore',
});
console.log(`\n${md}`);
