/**
 * `npm run bench`: Doorstep's performance budgets, measured, printed as one JSON object.
 *
 * - firstLoad: gzipped HTML + JS + CSS needed for the first screen of a fresh production build
 *   (budget 70 KiB).
 * - answerCommit: in headless Chromium against that build served by the real server, a full
 *   assessment answered by clicking all 104 answers; the app measures each answer from the tap
 *   event to the IndexedDB commit (`doorstep:answer-saved`, budget 16 ms).
 * - scoring: scoreAssessment on a complete assessment (test/bench/scoring.ts).
 *
 * `--no-build` measures the existing `dist` instead of building. Progress goes to stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  SKILLS,
  answer,
  nextStep,
  startAssessment,
  waitForStep,
  type Facet,
  type Score,
} from '../e2e/support/app.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { REPO_ROOT, viteBuild } from '../e2e/support/build.ts';
import { serve } from '../e2e/support/server.ts';
import { measureFirstLoad } from './first-load.ts';
import { benchScoring } from './scoring.ts';

const ANSWER_BUDGET_MS = 16;
const TIME_LIMIT_MS = 120_000;
const MEASURE = 'doorstep:answer-saved';

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

const round = (n: number) => Math.round(n * 100) / 100;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Every question of the full set, step by step, with a spread of answers. */
function fullAssessmentPlan(): { step: number; questions: [Facet, string, Score][] }[] {
  const score = (n: number) => (n % 5) as Score;
  const steps: { step: number; questions: [Facet, string, Score][] }[] = [
    { step: 1, questions: ['B1', 'B2', 'B3'].map((id, i) => ['basics', id, score(i + 2)]) },
    {
      step: 2,
      questions: ['K1', 'K2', 'K3', 'K4', 'K5'].map((id, i) => ['blockers', id, score(i)]),
    },
  ];
  const headings = [...new Set(SKILLS.map((s) => s.headingId))];
  headings.forEach((headingId, h) => {
    const questions: [Facet, string, Score][] = SKILLS.filter(
      (s) => s.headingId === headingId,
    ).flatMap((s, i) => [
      ['skill', s.id, score(i + h)],
      ['interest', s.id, score(i * 3 + h + 1)],
    ]);
    steps.push({ step: 3 + h, questions });
  });
  return steps;
}

async function measureAnswerCommit(page: Page, baseUrl: string) {
  await page.goto(baseUrl + '/');
  await startAssessment(page, baseUrl, { residentRef: 'BENCH-1' });
  const plan = fullAssessmentPlan();
  for (const [i, { step, questions }] of plan.entries()) {
    await waitForStep(page, step);
    // Each click waits for its commit before the next: one person, one tap at a time.
    for (const [facet, itemId, value] of questions) await answer(page, facet, itemId, value);
    if (i < plan.length - 1) await nextStep(page);
  }
  const durations = await page.evaluate(
    (name) => performance.getEntriesByName(name).map((e) => e.duration),
    MEASURE,
  );
  const asked = plan.reduce((n, s) => n + s.questions.length, 0);
  if (asked !== 104) throw new Error(`expected 104 questions, asked ${asked}`);
  if (durations.length !== asked) {
    throw new Error(`expected ${asked} ${MEASURE} measures, found ${durations.length}`);
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  return {
    measure: MEASURE,
    method:
      'full assessment, 104 answers clicked one at a time in headless Chromium; tap event timeStamp to Dexie commit (strict durability)',
    count: durations.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(p95),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    meanMs: round(durations.reduce((a, b) => a + b, 0) / durations.length),
    budgetMs: ANSWER_BUDGET_MS,
    withinBudget: p95 <= ANSWER_BUDGET_MS,
  };
}

async function main() {
  const noBuild = process.argv.includes('--no-build');
  let tmp: string | undefined;
  let buildDir = path.join(REPO_ROOT, 'dist');
  if (!noBuild) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'doorstep-bench-'));
    buildDir = path.join(tmp, 'dist');
    log(`building into ${buildDir}`);
    await viteBuild(buildDir);
  }
  try {
    log('measuring first load');
    const firstLoad = await measureFirstLoad(buildDir);

    log('answering a full assessment in Chromium');
    const server = await serve(buildDir);
    const browser = await launchBrowser();
    let answerCommit;
    let chromium: string;
    try {
      chromium = browser.version();
      const page = await (await browser.newContext()).newPage();
      answerCommit = await measureAnswerCommit(page, server.url);
    } finally {
      await browser.close();
      await server.close();
    }

    log('timing scoring');
    const scoring = await benchScoring();

    const cpus = os.cpus();
    const result = {
      command: 'npm run bench',
      build: noBuild ? 'dist (--no-build)' : 'fresh production build',
      firstLoad: {
        bytesGzip: firstLoad.bytesGzip,
        kib: firstLoad.kib,
        budgetKib: firstLoad.budgetKib,
        withinBudget: firstLoad.kib <= firstLoad.budgetKib,
        files: firstLoad.files.map((f) => ({ file: f.file, bytesGzip: f.bytesGzip })),
      },
      answerCommit,
      scoring,
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        memoryGiB: round(os.totalmem() / 1024 ** 3),
        chromium,
      },
      date: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

// Keep the run bounded: a hung browser must not hang CI.
const watchdog = setTimeout(() => {
  log(`gave up after ${TIME_LIMIT_MS / 1000} s`);
  process.exit(1);
}, TIME_LIMIT_MS);
watchdog.unref();

main().then(
  () => clearTimeout(watchdog),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
    clearTimeout(watchdog);
  },
);
