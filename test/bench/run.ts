/**
 * `npm run bench`: Doorstep's performance budgets, measured, printed as one JSON object.
 *
 * - firstLoad: gzipped HTML + JS + CSS needed for the first screen of a fresh production build
 *   (budget 70 KiB).
 * - answerCommit: in headless Chromium against that build served by the real server, a full
 *   assessment answered by clicking all 104 answers; the app measures each answer from the tap
 *   event to the IndexedDB commit (`doorstep:answer-saved`, budget 16 ms;
 *   test/bench/answer-commit.ts); unlock: from pressing Unlock to the worker's screen, reported
 *   (the PIN's key derivation is slow on purpose).
 * - scoring: scoreAssessment on a complete assessment (test/bench/scoring.ts).
 * - pushBytes: gzipped request body of a push of full assessments (budget 1 KiB for one;
 *   test/bench/push-bytes.ts).
 * - drain500: 500 queued assessments sent by the app in Chromium over a 400 kbit/s, 400 ms link
 *   (budget 15 s; test/bench/drain.ts).
 * - ingest and pushLatency: the real server over HTTP on PostgreSQL (BENCH_DATABASE_URL or
 *   TEST_DATABASE_URL, a fresh database created and dropped) or else in-memory PGlite: 20,000
 *   assessments in pushes of 100 (budget 3,000/s) and 100 devices pushing at once, one
 *   assessment a push (budget p99 200 ms), then batches of 10 (test/bench/server-load.ts).
 * - dashboard: the programme dashboard's figures for 10,000 assessments in Chromium (budget
 *   200 ms), with loading the server's answer reported beside it (test/bench/dashboard.ts).
 * - csvExport: the CSV of 10,000 assessments streamed by the server over HTTP, on the same
 *   database as the server load (budget 2 s; test/bench/csv-export.ts).
 *
 * `--no-build` measures the existing `dist` instead of building. Progress goes to stderr. Every
 * phase is bounded in count and time, and the whole run by a watchdog.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, viteBuild } from '../e2e/support/build.ts';
import { benchAnswerCommit } from './answer-commit.ts';
import { CSV_EXPORT_BUDGET_MS, measureCsvExport } from './csv-export.ts';
import { measureDashboard } from './dashboard.ts';
import { benchDrain } from './drain.ts';
import { measureFirstLoad } from './first-load.ts';
import { measurePushBytes } from './push-bytes.ts';
import { benchScoring } from './scoring.ts';
import { benchServerLoad } from './server-load.ts';
import { round } from './stats.ts';

// Build, first load and answering take about 30 s, drain500 at most 2 min, the dashboard about
// 30 s, the server load at most 2 min plus enrolment, the CSV export about 1 min: 10 min is a
// bound a hung browser or database cannot pass, not an expected time.
const TIME_LIMIT_MS = 600_000;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

const loadAtStart = os.loadavg()[0] ?? NaN;

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
    const welshFirstLoad = await measureFirstLoad(buildDir, 'cy');

    log('answering a full assessment in Chromium');
    const { answerCommit, unlock, chromium } = await benchAnswerCommit(buildDir);

    log('timing scoring');
    const scoring = await benchScoring();

    log('measuring push bytes');
    const pushBytes = await measurePushBytes();

    log('draining 500 assessments over a throttled link in Chromium');
    const drain500 = await benchDrain(buildDir);

    log('computing dashboard figures for 10,000 assessments in Chromium');
    const dashboard = await measureDashboard();

    log('loading the server');
    const { ingest, pushLatency } = await benchServerLoad();

    log('streaming the CSV of 10,000 assessments');
    const csv = await measureCsvExport();
    const csvExport = {
      ...csv,
      database: process.env['TEST_DATABASE_URL'] ? 'postgres' : 'pglite',
      budgetMs: CSV_EXPORT_BUDGET_MS,
      withinBudget: csv.ms <= CSV_EXPORT_BUDGET_MS,
    };

    const cpus = os.cpus();
    const result = {
      command: 'npm run bench',
      build: noBuild ? 'dist (--no-build)' : 'fresh production build',
      firstLoad: {
        bytesGzip: firstLoad.bytesGzip,
        kib: firstLoad.kib,
        budgetKib: firstLoad.budgetKib,
        withinBudget:
          firstLoad.kib <= firstLoad.budgetKib && welshFirstLoad.kib <= firstLoad.budgetKib,
        /** The same for a device that starts in Welsh (its catalogue instead of the English). */
        welshKib: welshFirstLoad.kib,
        files: firstLoad.files.map((f) => ({ file: f.file, bytesGzip: f.bytesGzip })),
      },
      answerCommit,
      unlock,
      scoring,
      pushBytes,
      ingest,
      pushLatency,
      drain500,
      dashboard,
      csvExport,
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        memoryGiB: round(os.totalmem() / 1024 ** 3),
        /** At the start and the end: other work on the machine skews every timing here. */
        loadAverage1m: { start: round(loadAtStart), end: round(os.loadavg()[0] ?? NaN) },
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
