/**
 * The load generator for the server benchmarks, run in a worker thread so that it has its own
 * event loop: the server's main thread then does nothing but serve, and a request's latency is
 * not inflated by the generator's own work queued on the same loop. Every push body is built and
 * gzipped before the clock starts (with the client's own `gzip`), so during the measurement the
 * generator only writes bytes and reads answers.
 *
 * Each client is one device: its own token and its own keep-alive connection (one socket, as a
 * browser holds one to its origin), pushing its next batch as soon as the last one is answered.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'undici';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol.ts';
import { gzip } from '../../src/sync/client.ts';
import { finishedAssessment, pushRecord, pushText } from './assessments.ts';

export interface LoadPlan {
  /** http://127.0.0.1:port */
  readonly url: string;
  /** One per client (device). */
  readonly tokens: readonly string[];
  /**
   * 'shared': all batches in one queue taken by whichever client is free (throughput).
   * 'each': every client pushes its own `batches` batches (latency under load).
   */
  readonly queue: 'shared' | 'each';
  readonly batchSize: number;
  /** 'shared': batches in total; 'each': batches per client. */
  readonly batches: number;
  readonly timeLimitMs: number;
  /** Seeds the assessments, so that every run of the bench pushes distinct ids. */
  readonly seed: number;
}

export interface LoadResult {
  readonly clients: number;
  readonly buildMs: number;
  readonly elapsedMs: number;
  readonly pushes: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly failedPushes: number;
  readonly failures: readonly string[];
  readonly stoppedByTimeLimit: boolean;
  readonly bodyBytes: number;
  /** Per push, from writing the request to having read the whole answer. */
  readonly latenciesMs: readonly number[];
  /** The same, of each client's first push only: every client at once, like a burst. */
  readonly firstLatenciesMs: readonly number[];
  /** Fraction of the worker's time its event loop was busy (1 = the generator was saturated). */
  readonly generatorEventLoopUtilization: number;
}

interface Batch {
  readonly body: Buffer;
  readonly records: number;
}

async function buildBatches(plan: LoadPlan, count: number, offset: number): Promise<Batch[]> {
  const batches: Batch[] = [];
  for (let b = 0; b < count; b++) {
    const records = Array.from({ length: plan.batchSize }, (_, i) =>
      pushRecord(finishedAssessment(offset + b * plan.batchSize + i, plan.seed)),
    );
    const gzipped = await gzip(pushText(records));
    if (!gzipped) throw new Error('CompressionStream is missing');
    batches.push({ body: Buffer.from(gzipped), records: records.length });
  }
  return batches;
}

/** One push over the device's own connection; the answer decompressed as the app would. */
async function push(
  client: Client,
  token: string,
  body: Buffer,
): Promise<{ status: number; text: string }> {
  const response = await client.request({
    path: '/api/push',
    method: 'POST',
    headers: {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      // What Chromium's fetch sends: the server compresses its answer as it would for the app.
      'accept-encoding': 'gzip, deflate, br',
    },
    body,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const raw = Buffer.from(await response.body.arrayBuffer());
  const encoding = response.headers['content-encoding'];
  const text =
    encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
  return { status: response.statusCode, text: text.toString('utf8') };
}

/** Builds every body now; the returned function pushes them, timed. */
export async function prepareLoad(plan: LoadPlan): Promise<() => Promise<LoadResult>> {
  const url = new URL(plan.url);
  if (url.hostname !== '127.0.0.1') throw new Error('the load generator only talks to 127.0.0.1');
  const clients = plan.tokens.length;
  const t0 = performance.now();
  // 'each': client c owns batches [c * batches, (c + 1) * batches).
  const total = plan.queue === 'shared' ? plan.batches : plan.batches * clients;
  const batches = await buildBatches(plan, total, 0);
  const buildMs = performance.now() - t0;
  return () => pushAll(plan, url, batches, buildMs);
}

async function pushAll(
  plan: LoadPlan,
  url: URL,
  batches: readonly Batch[],
  buildMs: number,
): Promise<LoadResult> {
  const clients = plan.tokens.length;
  const total = batches.length;
  const latencies: number[] = [];
  const firstLatencies: number[] = [];
  const failures: string[] = [];
  let pushes = 0;
  let accepted = 0;
  let rejected = 0;
  let failedPushes = 0;
  let bodyBytes = 0;
  let next = 0;
  let stoppedByTimeLimit = false;

  const elu0 = performance.eventLoopUtilization();
  const start = performance.now();
  const deadline = start + plan.timeLimitMs;

  async function client(c: number) {
    const token = plan.tokens[c] ?? '';
    // One connection per device, kept alive, one request at a time: as a browser holds one to
    // its origin. undici, because the generator's own work shares the machine with the server.
    const connection = new Client(url.origin, { pipelining: 1 });
    try {
      for (let own = 0; ; own++) {
        if (performance.now() >= deadline) {
          stoppedByTimeLimit = true;
          return;
        }
        const index =
          plan.queue === 'shared' ? next++ : own < plan.batches ? c * plan.batches + own : total;
        const batch = batches[index];
        if (!batch) return;
        const sent = performance.now();
        try {
          const { status, text } = await push(connection, token, batch.body);
          latencies.push(performance.now() - sent);
          if (own === 0) firstLatencies.push(performance.now() - sent);
          pushes += 1;
          bodyBytes += batch.body.length;
          if (status !== 200) {
            failedPushes += 1;
            if (failures.length < 5) failures.push(`${status} ${text.slice(0, 200)}`);
            continue;
          }
          const { results } = JSON.parse(text) as { results: { status: string }[] };
          for (const r of results) {
            if (r.status === 'accepted') accepted += 1;
            else rejected += 1;
          }
        } catch (error) {
          failedPushes += 1;
          if (failures.length < 5) failures.push(String(error));
        }
      }
    } finally {
      await connection.close();
    }
  }

  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const elapsedMs = performance.now() - start;
  return {
    clients,
    buildMs,
    elapsedMs,
    pushes,
    accepted,
    rejected,
    failedPushes,
    failures,
    stoppedByTimeLimit,
    bodyBytes,
    latenciesMs: latencies,
    firstLatenciesMs: firstLatencies,
    generatorEventLoopUtilization: performance.eventLoopUtilization(elu0).utilization,
  };
}

/** Worker protocol: 'ready' once the bodies are built, then 'go' from the parent, then 'done'. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly result: LoadResult }
  | { readonly type: 'failed'; readonly error: string };

if (parentPort && workerData) {
  const port = parentPort;
  const send = (message: WorkerMessage) => port.postMessage(message);
  prepareLoad(workerData as LoadPlan)
    .then(async (run) => {
      const go = new Promise((resolve) => port.once('message', resolve));
      send({ type: 'ready' });
      await go;
      send({ type: 'done', result: await run() });
    })
    .catch((error: unknown) =>
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? '') : String(error) }),
    );
}
