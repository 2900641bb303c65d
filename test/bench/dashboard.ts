/**
 * The programme dashboard's computation on 10,000 assessments (about 4,000 residents with 1 to
 * 4 visits each, every question answered): grouping the cohort's records into residents, then
 * cohortFigures and outcomeCounts, as the dashboard does once a cohort has loaded. The real
 * domain code, bundled by the app's bundler (Vite) and run in headless Chromium, 20 times over
 * after a warm-up. Budget: p95 at most 200 ms. Loading is reported apart: the size of the
 * server's JSON (answers compact), then JSON.parse, the protocol schema and decoding the
 * answers, medians of 5 loads and the first.
 *
 * Run alone with `node --import tsx test/bench/dashboard.ts`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rollup } from 'vite';
import { launchBrowser } from '../e2e/support/browser.ts';
import { REPO_ROOT } from '../e2e/support/build.ts';
import { percentile, round } from './stats.ts';

export const DASHBOARD_BUDGET_MS = 200;
const RESIDENTS = 4_000;
const WARM_UP = 3;
const RUNS = 20;
/** Loads of the same response: the first is the one a coordinator waits for, code not yet warm. */
const LOADS = 5;

/** test/bench/dashboard-page.ts as one production script (minified, as the app ships). */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: path.join(REPO_ROOT, 'test/bench/dashboard-page.ts'),
        formats: ['iife'],
        name: 'doorstepDashboardBench',
        fileName: () => 'dashboard-bench.js',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = results.flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the bench page did not bundle');
  return chunk.code;
}

export async function measureDashboard(): Promise<{
  assessments: number;
  residents: number;
  revisited: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Medians of the three steps of a run. */
  p50PartsMs: { group: number; figures: number; outcomes: number };
  /**
   * Once per load, not in the budget: JSON.parse, the protocol schema and decoding the answers
   * over the response, medians of 5 loads; loadMs is the three together, firstLoadMs the first.
   */
  load: {
    responseBytes: number;
    jsonParseMs: number;
    schemaMs: number;
    decodeMs: number;
    loadMs: number;
    firstLoadMs: number;
  };
  budgetMs: number;
  withinBudget: boolean;
  method: string;
}> {
  const code = await bundle();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>Dashboard bench</title>');
    await page.addScriptTag({ content: code });
    const result = await page.evaluate(
      ([residents, runs, loads]) =>
        window.doorstepBench(residents, runs, loads) as {
          assessments: number;
          residents: number;
          revisited: number;
          durations: number[];
          parts: { groupMs: number; figuresMs: number; outcomesMs: number }[];
          loads: { jsonMs: number; schemaMs: number; decodeMs: number }[];
          bytes: number;
        },
      [RESIDENTS, WARM_UP + RUNS, LOADS] as const,
    );
    const loadMedian = (pick: (l: (typeof result.loads)[number]) => number) =>
      round(
        percentile(
          result.loads.map(pick).sort((a, b) => a - b),
          0.5,
        ),
      );
    const total = (l: (typeof result.loads)[number]) => l.jsonMs + l.schemaMs + l.decodeMs;
    const firstLoad = result.loads[0];
    const durations = result.durations.slice(WARM_UP);
    const sorted = [...durations].sort((a, b) => a - b);
    const median = (pick: (p: (typeof result.parts)[number]) => number) =>
      round(
        percentile(
          result.parts
            .slice(WARM_UP)
            .map(pick)
            .sort((a, b) => a - b),
          0.5,
        ),
      );
    const p95 = percentile(sorted, 0.95);
    return {
      assessments: result.assessments,
      residents: result.residents,
      revisited: result.revisited,
      runs: durations.length,
      p50Ms: round(percentile(sorted, 0.5)),
      p95Ms: round(p95),
      maxMs: round(sorted[sorted.length - 1] ?? NaN),
      p50PartsMs: {
        group: median((p) => p.groupMs),
        figures: median((p) => p.figuresMs),
        outcomes: median((p) => p.outcomesMs),
      },
      load: {
        responseBytes: result.bytes,
        jsonParseMs: loadMedian((l) => l.jsonMs),
        schemaMs: loadMedian((l) => l.schemaMs),
        decodeMs: loadMedian((l) => l.decodeMs),
        loadMs: loadMedian(total),
        firstLoadMs: round(firstLoad ? total(firstLoad) : NaN),
      },
      budgetMs: DASHBOARD_BUDGET_MS,
      withinBudget: p95 <= DASHBOARD_BUDGET_MS,
      method:
        "headless Chromium, domain code bundled by Vite (minified); the server's JSON with compact answers, JSON.parse + cohortResponseSchema + decodeAnswers (load, 5 times); residentsOf + cohortFigures + outcomeCounts per run, after 3 warm-up runs",
    };
  } finally {
    await browser.close();
  }
}

declare global {
  interface Window {
    doorstepBench: (residents: number, runs: number, loads: number) => unknown;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify({ dashboard: await measureDashboard() }, null, 2));
}
