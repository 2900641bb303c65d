/**
 * drain500: how long the app takes to send 500 queued assessments over a slow link (400 kbit/s
 * each way, 400 ms added to every round trip), in headless Chromium against the production build
 * served by the real server (startServer on in-memory PGlite).
 *
 * The device is set up through the app's own gate with a code from the API (first-start code,
 * then POST /api/enrolment-codes), so a worker is signed in and unlocked. 500 finished full
 * assessments and their outbox entries (outboxEntry from src/storage/outbox-store.ts, as
 * AssessmentStore.finish queues them) are written into the worker's database, sealed as the
 * app seals rows, in one transaction while the app is running and idle. Then the link
 * is throttled with CDP Network.emulateNetworkConditions, the page gets an 'online' event (which
 * the sync engine answers by draining, as when a tablet gets its connection back), and the clock
 * runs until the outbox store is empty.
 *
 * The profile is on disk (a persistent context), so IndexedDB commits with strict durability
 * really reach the disk, as on a tablet; service workers are blocked so that every request
 * comes from the page itself and is throttled (on a first visit the worker would not control the
 * page anyway, but its precaching would compete for the link).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Request } from 'playwright-core';
import { startServer } from '../../src/server/server.ts';
import { outboxEntry } from '../../src/storage/outbox-store.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';
import { viteBuild } from '../e2e/support/build.ts';
import { setUpDevice, workerDatabase } from '../e2e/support/gate.ts';
import { readStore, writeRows } from '../e2e/support/sync.ts';
import { finishedAssessment } from './assessments.ts';
import { codeForWorker, enrolAdministrator } from './server-load.ts';
import { round } from './stats.ts';

export const DRAIN_BUDGET_SECONDS = 15;
const QUEUED = 500;
const LINK = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 400_000 / 8,
};
const DRAIN_TIME_LIMIT_MS = 120_000;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface PushSeen {
  readonly url: string;
  readonly method: string;
  readonly bodyBytes: number;
  readonly startedAt: number;
  finishedAt: number | null;
  status: number | null;
}

export async function benchDrain(buildDir: string) {
  const server = await startServer({ staticDir: buildDir });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'doorstep-bench-profile-'));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    const adminToken = await enrolAdministrator(server);
    const code = await codeForWorker(server, adminToken, 1);

    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      serviceWorkers: 'block',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await setUpDevice(page, code);
    // The sync engine's start pass finds nothing to send; let it settle.
    await page.waitForTimeout(1_000);
    const database = await workerDatabase(page);

    const now = Date.now();
    const assessments = Array.from({ length: QUEUED }, (_, n) => finishedAssessment(n, 21));
    // As AssessmentStore.finish queues them: queued when finished, due at once.
    const entries = assessments.map((a) => outboxEntry(a.id, a.revision, a.finishedAt ?? now));

    log(`drain500: seeding ${QUEUED} finished assessments into IndexedDB`);
    const requests: PushSeen[] = [];
    const seen = new Map<Request, PushSeen>();
    const t0 = Date.now();
    page.on('request', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/api/')) return;
      const entry: PushSeen = {
        url: new URL(request.url()).pathname,
        method: request.method(),
        bodyBytes: request.postDataBuffer()?.length ?? 0,
        startedAt: Date.now() - t0,
        finishedAt: null,
        status: null,
      };
      seen.set(request, entry);
      requests.push(entry);
    });
    const finished = async (request: Request) => {
      const entry = seen.get(request);
      if (!entry) return;
      entry.finishedAt = Date.now() - t0;
      entry.status = (await request.response().catch(() => null))?.status() ?? 0;
    };
    page.on('requestfinished', (r) => void finished(r));
    page.on('requestfailed', (r) => void finished(r));

    await writeRows(page, [
      ...assessments.map((value) => ({ store: 'assessments' as const, value })),
      ...entries.map((value) => ({ store: 'outbox' as const, value })),
    ]);
    const seeded = (await readStore(page, 'outbox')).length;
    await page.waitForTimeout(500);
    const pushesBefore = requests.filter((r) => r.url === '/api/push').length;
    if (seeded !== QUEUED || pushesBefore > 0) {
      throw new Error(`seeding went wrong: ${seeded} queued, ${pushesBefore} pushes already`);
    }

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);

    log('drain500: throttled; dispatching "online" and waiting for the outbox to empty');
    requests.length = 0;
    const triggeredAt = Date.now() - t0;
    const drained = await page.evaluate(
      async ({ limitMs, database }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(database);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const start = performance.now();
        window.dispatchEvent(new Event('online'));
        let polls = 0;
        try {
          for (;;) {
            polls += 1;
            // (No named functions in here: tsx's keepNames would reference a helper the page lacks.)
            const remaining = await new Promise<number>((resolve, reject) => {
              const count = db.transaction('outbox').objectStore('outbox').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            });
            const ms = performance.now() - start;
            if (remaining === 0) return { ms, polls, remaining };
            if (ms > limitMs) return { ms, polls, remaining };
            await new Promise((r) => setTimeout(r, 50));
          }
        } finally {
          db.close();
        }
      },
      { limitMs: DRAIN_TIME_LIMIT_MS, database },
    );
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // What the server holds, asked by the administrator (not throttled: from Node).
    const list = await fetch(`${server.url}/api/assessments`, {
      headers: { 'doorstep-protocol': '1', authorization: `Bearer ${adminToken}` },
    });
    const held = ((await list.json()) as { assessments: { id: string }[] }).assessments;
    const ids = new Set(assessments.map((a) => a.id));
    const received = held.filter((a) => ids.has(a.id)).length;

    const pushes = requests.filter((r) => r.url === '/api/push');
    const seconds = drained.ms / 1000;
    const uploaded = pushes.reduce((sum, r) => sum + r.bodyBytes, 0);
    const timeline = pushes.map((r) => ({
      startS: round((r.startedAt - triggeredAt) / 1000),
      endS: r.finishedAt === null ? null : round((r.finishedAt - triggeredAt) / 1000),
      bodyBytes: r.bodyBytes,
      status: r.status,
    }));
    const onWire = timeline.reduce((sum, r) => sum + (r.endS === null ? 0 : r.endS - r.startS), 0);
    return {
      method:
        `${QUEUED} finished full assessments (+ outbox entries, app shapes) seeded into ` +
        "IndexedDB 'doorstep' of an enrolled page (real token from the API); link throttled " +
        'with CDP Network.emulateNetworkConditions (400 kbit/s up and down, 400 ms latency); ' +
        "'online' dispatched on window; seconds until the outbox store is empty (IndexedDB " +
        'count polled every 50 ms in the page). Headless Debian Chromium, on-disk profile, ' +
        'service workers blocked; production build served by startServer on in-memory PGlite.',
      database: 'pglite (in memory)',
      queued: QUEUED,
      seconds: round(seconds),
      remaining: drained.remaining,
      receivedByServer: received,
      requests: requests.length,
      pushRequests: pushes.length,
      otherApiRequests: requests.filter((r) => r.url !== '/api/push').map((r) => r.url),
      uploadedBodyBytes: uploaded,
      perAssessmentUploadBytes: Math.round(uploaded / QUEUED),
      /** Seconds with a push on the wire; the rest is the device's own work between pushes. */
      secondsOnWire: round(onWire),
      secondsBetweenPushes: round(seconds - onWire),
      pushes: timeline,
      budgetSeconds: DRAIN_BUDGET_SECONDS,
      withinBudget:
        drained.remaining === 0 && received === QUEUED && seconds <= DRAIN_BUDGET_SECONDS,
    };
  } finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'doorstep-bench-'));
  try {
    await viteBuild(path.join(tmp, 'dist'));
    console.log(JSON.stringify(await benchDrain(path.join(tmp, 'dist')), null, 2));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
