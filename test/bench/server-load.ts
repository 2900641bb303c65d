/**
 * Server ingest under load, over real HTTP on 127.0.0.1, against the real server (startServer)
 * on a fresh PostgreSQL database (BENCH_DATABASE_URL or TEST_DATABASE_URL; created here and
 * dropped afterwards), or on in-memory PGlite when neither is set.
 *
 * - ingest: distinct full assessments in batches of 100 from several devices at once;
 *   assessments per second, counted from the server's answers and checked against the table.
 * - pushLatency: 100 devices at once, each pushing as soon as its last push is answered (a
 *   closed loop); p50/p95/p99 of the push round trip. The budgeted run pushes one assessment at
 *   a time, as the app does while online (it sends each assessment as it is finished); a second
 *   run pushes batches of 10, as devices coming back online would, and is reported beside it.
 *   Each run starts on a settled server: warm from the ingest run, with PostgreSQL's autovacuum
 *   of those rows finished, so that what is measured is the pushes and not the cleaning up.
 *
 * Devices are enrolled through the API, as a coordinator would: the first-start code enrols an
 * administrator, who creates one code per device (POST /api/enrolment-codes), which each device
 * exchanges for its token (POST /api/enrol). The load generator runs in a worker thread (see
 * load-worker.ts). Run alone with `node --import tsx test/bench/server-load.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type EnrolResponse,
} from '../../src/shared/protocol.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { prepareLoad, type LoadPlan, type LoadResult, type WorkerMessage } from './load-worker.ts';
import { percentile, round } from './stats.ts';

export const INGEST_BUDGET_PER_SECOND = 3_000;
export const PUSH_P99_BUDGET_MS = 200;

const INGEST_TOTAL = 20_000;
const INGEST_BATCH = 100;
const INGEST_CLIENTS = 8;
const INGEST_TIME_LIMIT_MS = 90_000;

const LATENCY_CLIENTS = 100;
const LATENCY_BATCH = 1;
const BACKLOG_BATCH = 10;
const LATENCY_PUSHES_PER_CLIENT = 20;
const LATENCY_TIME_LIMIT_MS = 30_000;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

// ---------------------------------------------------------------------------------------------
// The database

interface BenchDatabase {
  readonly kind: 'postgres' | 'pglite';
  readonly url: string | null;
  readonly source: string;
  /** Queries on the bench database (PostgreSQL only). */
  readonly admin: pg.Client | null;
  readonly serverVersion: string;
  drop(): Promise<void>;
}

async function benchDatabase(): Promise<BenchDatabase> {
  const source = process.env['BENCH_DATABASE_URL']
    ? 'BENCH_DATABASE_URL'
    : process.env['TEST_DATABASE_URL']
      ? 'TEST_DATABASE_URL'
      : null;
  const base = source ? process.env[source] : undefined;
  if (!source || !base) {
    return {
      kind: 'pglite',
      url: null,
      source: 'neither BENCH_DATABASE_URL nor TEST_DATABASE_URL is set: in-memory PGlite',
      admin: null,
      serverVersion: 'PGlite (in memory)',
      drop: async () => {},
    };
  }
  const host = new URL(base).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', ''].includes(host)) {
    throw new Error(`${source} points at ${host}: the bench only uses this machine (127.0.0.1)`);
  }
  const name = `doorstep_bench_${Date.now()}_${process.pid}`;
  const maintenance = new pg.Client({ connectionString: base });
  await maintenance.connect();
  await maintenance.query(`CREATE DATABASE ${name}`);
  await maintenance.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const version =
    (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
      ?.v ?? '?';
  return {
    kind: 'postgres',
    url: url.toString(),
    source: `${source} (fresh database ${name}, dropped afterwards)`,
    admin,
    serverVersion: `PostgreSQL ${version}`,
    async drop() {
      await admin.end().catch(() => {});
      const m = new pg.Client({ connectionString: base });
      await m.connect();
      try {
        await m.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await m.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Enrolment through the API

async function api<T>(
  server: RunningServer,
  path: string,
  body: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The administrator's token, from the code printed at first start. */
export async function enrolAdministrator(server: RunningServer): Promise<string> {
  const code = server.firstStart?.code;
  if (!code) throw new Error('the server should have printed a first-start code');
  return (
    await api<{ token: string }>(server, '/api/enrol', { code, deviceName: 'Coordinator laptop' })
  ).token;
}

/** A one-time code for a new outreach worker, as the coordinator screens make one. */
export async function codeForWorker(
  server: RunningServer,
  adminToken: string,
  n: number,
): Promise<string> {
  const { code } = await api<{ code: string }>(
    server,
    '/api/enrolment-codes',
    { personName: `Bench worker ${n}`, role: 'outreach-worker' },
    adminToken,
  );
  return code;
}

/** A new outreach worker and their tablet, enrolled the way the coordinator screens do it. */
export async function enrolDeviceFully(
  server: RunningServer,
  adminToken: string,
  n: number,
): Promise<EnrolResponse> {
  const code = await codeForWorker(server, adminToken, n);
  return api<EnrolResponse>(server, '/api/enrol', { code, deviceName: `Tablet ${n}` });
}

async function enrolDevice(server: RunningServer, adminToken: string, n: number) {
  return (await enrolDeviceFully(server, adminToken, n)).token;
}

// ---------------------------------------------------------------------------------------------
// Where the time goes

/** CPU seconds used so far by every process named postgres on this machine (from /proc). */
async function postgresCpuSeconds(): Promise<number | null> {
  const ticks = 100; // USER_HZ on Linux
  try {
    let total = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      const close = stat.lastIndexOf(')');
      if (close < 0 || !stat.slice(0, close).includes('(postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after "(comm) ".
      total += Number(fields[11]) + Number(fields[12]);
    }
    return total / ticks;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (every process, from /proc/stat). */
async function machineCpuSeconds(): Promise<number | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
    const [, ...fields] = line.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (
      ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100
    );
  } catch {
    return null;
  }
}

async function commits(db: BenchDatabase): Promise<number | null> {
  if (!db.admin) return null;
  const { rows } = await db.admin.query<{ n: string }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]?.n ?? NaN);
}

// A worker thread does not inherit the `--import tsx` hooks: register them there, then load.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./load-worker.ts', import.meta.url).href)}); })`;

interface Phase {
  result: LoadResult;
  /** Main thread (the server) busy fraction during the load. */
  serverEventLoopUtilization: number;
  /** CPU seconds of this Node process (server and generator threads together). */
  nodeCpuSeconds: number;
  postgresCpuSeconds: number | null;
  /** Busy CPU seconds of everything else on the machine (other users, the kernel's share). */
  otherCpuSeconds: number | null;
  transactions: number | null;
}

/** BENCH_LOAD_GENERATOR=main runs the generator on the server's own event loop, to compare. */
const GENERATOR_THREAD = process.env['BENCH_LOAD_GENERATOR'] === 'main' ? 'main' : 'worker';

async function runPhase(plan: LoadPlan, db: BenchDatabase): Promise<Phase> {
  // The generator builds its bodies first; the clocks start once it is ready.
  interface Counters {
    elu: ReturnType<typeof performance.eventLoopUtilization>;
    cpu: NodeJS.CpuUsage;
    pg: number | null;
    all: number | null;
    tx: number | null;
  }
  const start = async (): Promise<Counters> => ({
    elu: performance.eventLoopUtilization(),
    cpu: process.cpuUsage(),
    // PGlite runs inside this process: its work is in the Node figures.
    pg: db.kind === 'postgres' ? await postgresCpuSeconds() : null,
    all: await machineCpuSeconds(),
    tx: await commits(db),
  });
  let counters: Counters;
  let result: LoadResult;
  if (GENERATOR_THREAD === 'main') {
    const run = await prepareLoad(plan);
    counters = await start();
    result = await run();
  } else {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: plan });
    try {
      const next = () =>
        new Promise<WorkerMessage>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`load worker exited with ${code}`)));
        });
      let message = await next();
      if (message.type !== 'ready') throw new Error(`load worker: ${JSON.stringify(message)}`);
      counters = await start();
      const done = next();
      worker.postMessage('go');
      message = await done;
      if (message.type !== 'done') throw new Error(`load worker: ${JSON.stringify(message)}`);
      result = message.result;
    } finally {
      await worker.terminate();
    }
  }
  const { elu: elu0, cpu: cpu0, pg: pg0, all: all0, tx: tx0 } = counters;
  const serverElu = performance.eventLoopUtilization(elu0).utilization;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = db.kind === 'postgres' ? await postgresCpuSeconds() : null;
  const all1 = await machineCpuSeconds();
  // PostgreSQL publishes its transaction counts with up to a second's delay.
  if (db.admin) await new Promise((r) => setTimeout(r, 1_100));
  const tx1 = await commits(db);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const pgCpu = pg0 === null || pg1 === null ? null : pg1 - pg0;
  return {
    result,
    serverEventLoopUtilization: round(serverElu),
    nodeCpuSeconds: round(nodeCpu),
    postgresCpuSeconds: pgCpu === null ? null : round(pgCpu),
    otherCpuSeconds:
      all0 === null || all1 === null
        ? null
        : round(Math.max(0, all1 - all0 - nodeCpu - (pgCpu ?? 0))),
    transactions: tx0 === null || tx1 === null ? null : tx1 - tx0,
  };
}

function latencySummary(latencies: readonly number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

const GENERATOR =
  GENERATOR_THREAD === 'worker'
    ? 'load generator in a worker thread of the same Node process (own event loop, so its work ' +
      'does not queue behind the server; bodies built and gzipped with the client gzip() ' +
      'before the clock starts; undici, one keep-alive connection per device, ' +
      'accept-encoding as Chromium sends it); the server runs alone on the main thread'
    : 'load generator ON THE SERVER EVENT LOOP (BENCH_LOAD_GENERATOR=main, for comparison only)';

/**
 * Waits (up to 30 s) until no autovacuum is running on the bench database, then a second more:
 * the ingest run leaves 20,000 new rows for PostgreSQL to vacuum and analyse.
 */
async function settled(db: BenchDatabase): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (db.admin && performance.now() < deadline) {
    const { rows } = await db.admin.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' " +
        'AND datname = current_database()',
    );
    if (Number(rows[0]?.n ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

// ---------------------------------------------------------------------------------------------

export async function benchServerLoad() {
  const db = await benchDatabase();
  let server: RunningServer | undefined;
  try {
    server = await startServer(db.url ? { database: { url: db.url } } : {});
    log(`server on ${server.url} with ${db.serverVersion}; enrolling ${LATENCY_CLIENTS} devices`);
    const adminToken = await enrolAdministrator(server);
    const tokens: string[] = [];
    for (let n = 1; n <= LATENCY_CLIENTS; n++)
      tokens.push(await enrolDevice(server, adminToken, n));

    log(
      `ingest: ${INGEST_TOTAL} assessments in batches of ${INGEST_BATCH}, ${INGEST_CLIENTS} devices`,
    );
    const ingestPhase = await runPhase(
      {
        url: server.url,
        tokens: tokens.slice(0, INGEST_CLIENTS),
        queue: 'shared',
        batchSize: INGEST_BATCH,
        batches: INGEST_TOTAL / INGEST_BATCH,
        timeLimitMs: INGEST_TIME_LIMIT_MS,
        seed: 11,
      },
      db,
    );
    const ing = ingestPhase.result;
    const stored = db.admin
      ? Number(
          (await db.admin.query<{ n: string }>('SELECT count(*) AS n FROM assessments')).rows[0]
            ?.n ?? NaN,
        )
      : null;
    const perSecond = ing.accepted / (ing.elapsedMs / 1000);

    const latencyRun = async (batchSize: number, seed: number) => {
      await settled(db);
      log(
        `pushLatency: ${LATENCY_CLIENTS} devices, batches of ${batchSize}, ` +
          `up to ${LATENCY_PUSHES_PER_CLIENT} pushes each`,
      );
      const plan: LoadPlan = {
        url: server?.url ?? '',
        tokens,
        queue: 'each',
        batchSize,
        batches: LATENCY_PUSHES_PER_CLIENT,
        timeLimitMs: LATENCY_TIME_LIMIT_MS,
        seed,
      };
      return runPhase(plan, db);
    };
    const latencyPhase = await latencyRun(LATENCY_BATCH, 12);
    const backlogPhase = await latencyRun(BACKLOG_BATCH, 13);

    const database = { kind: db.kind, source: db.source, version: db.serverVersion };
    const where = (phase: Phase, records: number) => ({
      serverEventLoopUtilization: phase.serverEventLoopUtilization,
      generatorEventLoopUtilization: round(phase.result.generatorEventLoopUtilization),
      nodeCpuSeconds: phase.nodeCpuSeconds,
      postgresCpuSeconds: phase.postgresCpuSeconds,
      otherCpuSeconds: phase.otherCpuSeconds,
      /** Approximate: from pg_stat_database. */
      databaseTransactions: phase.transactions,
      transactionsPerAssessment:
        phase.transactions === null ? null : round(phase.transactions / Math.max(1, records)),
      nodeCpuMsPerAssessment: round((phase.nodeCpuSeconds * 1000) / Math.max(1, records)),
      postgresCpuMsPerAssessment:
        phase.postgresCpuSeconds === null
          ? null
          : round((phase.postgresCpuSeconds * 1000) / Math.max(1, records)),
    });

    const ingest = {
      method:
        `${INGEST_TOTAL} distinct finished full assessments pushed as POST /api/push (gzipped, ` +
        `${INGEST_BATCH} per push) by ${INGEST_CLIENTS} enrolled devices at once over HTTP on ` +
        `127.0.0.1 to startServer on ${db.kind === 'postgres' ? 'PostgreSQL' : 'in-memory PGlite (no database URL set)'}; ` +
        'rate = records the server answered "accepted" / wall time from first request to last ' +
        `answer (time limit ${INGEST_TIME_LIMIT_MS / 1000} s); ${GENERATOR}`,
      database,
      assessments: ing.accepted,
      rejected: ing.rejected,
      failedPushes: ing.failedPushes,
      failures: ing.failures,
      storedInDatabase: stored,
      pushes: ing.pushes,
      clients: ing.clients,
      batchSize: INGEST_BATCH,
      seconds: round(ing.elapsedMs / 1000),
      stoppedByTimeLimit: ing.stoppedByTimeLimit,
      assessmentsPerSecond: Math.round(perSecond),
      pushLatency: latencySummary(ing.latenciesMs),
      where: where(ingestPhase, ing.accepted),
      budgetPerSecond: INGEST_BUDGET_PER_SECOND,
      withinBudget:
        perSecond >= INGEST_BUDGET_PER_SECOND &&
        ing.failedPushes === 0 &&
        ing.rejected === 0 &&
        !ing.stoppedByTimeLimit,
    };
    const latencyReport = (phase: Phase, batchSize: number) => {
      const lat = phase.result;
      const latency = latencySummary(lat.latenciesMs);
      return {
        method:
          `${LATENCY_CLIENTS} enrolled devices at once, each pushing its own batches of ` +
          `${batchSize} distinct finished full assessments (gzipped POST /api/push) back to ` +
          `back, up to ${LATENCY_PUSHES_PER_CLIENT} pushes each or ${LATENCY_TIME_LIMIT_MS / 1000} s; ` +
          'latency = request written to answer fully read, every push counted (the first ' +
          `includes the TCP connect); server on ${db.kind === 'postgres' ? 'PostgreSQL' : 'in-memory PGlite'} ` +
          "already holding the ingest run's rows, started once autovacuum had finished with " +
          `them; ${GENERATOR}`,
        database,
        clients: lat.clients,
        batchSize,
        pushes: lat.pushes,
        accepted: lat.accepted,
        rejected: lat.rejected,
        failedPushes: lat.failedPushes,
        failures: lat.failures,
        stoppedByTimeLimit: lat.stoppedByTimeLimit,
        seconds: round(lat.elapsedMs / 1000),
        assessmentsPerSecond: Math.round(lat.accepted / (lat.elapsedMs / 1000)),
        ...latency,
        /** Each device's first push: 100 pushes arriving together. */
        firstPushOfEachDevice: latencySummary(lat.firstLatenciesMs),
        /**
         * With every device always waiting for an answer, latency is about devices / pushes per
         * second (Little's law): p99 <= 200 ms needs well over 500 pushes a second.
         */
        pushesPerSecond: round(lat.pushes / (lat.elapsedMs / 1000)),
        littlesLawLatencyMs: round((lat.clients * lat.elapsedMs) / Math.max(1, lat.pushes)),
        where: where(phase, lat.accepted),
      };
    };
    const single = latencyReport(latencyPhase, LATENCY_BATCH);
    const pushLatency = {
      ...single,
      budgetP99Ms: PUSH_P99_BUDGET_MS,
      withinBudget: single.p99Ms <= PUSH_P99_BUDGET_MS && single.failedPushes === 0,
      /** Not budgeted: the same with batches of 10, as after a day offline. */
      batchesOf10: latencyReport(backlogPhase, BACKLOG_BATCH),
    };
    return { ingest, pushLatency };
  } finally {
    await server?.close();
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify({ ...(await benchServerLoad()), cpus: os.cpus().length }, null, 2));
}
