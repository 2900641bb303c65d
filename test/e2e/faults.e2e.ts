/**
 * Faults between a real browser and the real server, injected by a proxy in between: requests
 * dropped before the server, responses lost after the server committed, requests delivered
 * twice, an old batch replayed after a newer revision, a slow server, and the server process
 * killed with SIGKILL in the middle of a batch and started again on the same data.
 *
 * After the network heals, the server holds every assessment exactly once, at its latest
 * revision, scored from its answers; the device's outbox is empty; and every fault is shown to
 * have happened. Runs on PostgreSQL when TEST_DATABASE_URL is set (a fresh database, dropped
 * after), otherwise on PGlite.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bankV1, scaleV1, scoreAssessment, type Assessment } from '../../src/domain/index.ts';
import { MAX_BATCH } from '../../src/shared/protocol.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import {
  answer,
  answerSkill,
  finish,
  h1,
  iv,
  nextStep,
  startAssessment,
  t,
  waitForServiceWorkerControl,
} from './support/app.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';
import { openAt } from './support/gate.ts';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process.ts';
import {
  assessmentsOf,
  enrolThroughUi,
  eventually,
  makeFinishedAssessment,
  messagePattern,
  nextRevision,
  openSyncScreen,
  outboxOf,
  parseMessage,
  receiptsOf,
  receivedByServer,
  seedFinished,
  syncRow,
  waitForIndicator,
} from './support/sync.ts';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/**
 * The proxy's plan for pushes: the next pushes take the faults queued here in turn; once the
 * queue is empty they pass, or are dropped while `held` (the network cut at the proxy).
 * Everything else (the app's own files) passes. Every request is logged in order.
 */
function pushPlan() {
  const plan = {
    queue: [] as Fault[],
    held: false,
    log: [] as { path: string; kind: Fault['kind'] }[],
    fault({ path }: { path: string }): Fault {
      const fault: Fault =
        path !== '/api/push'
          ? { kind: 'pass' }
          : (plan.queue.shift() ?? (plan.held ? { kind: 'drop' } : { kind: 'pass' }));
      plan.log.push({ path, kind: fault.kind });
      return fault;
    },
    pushes: () => plan.log.filter((r) => r.path === '/api/push'),
  };
  return plan;
}

/** The connection drops and comes back: the app's `online` trigger makes everything due. */
async function connectionFlaps(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  await context.setOffline(false);
  await page.waitForFunction(() => navigator.onLine);
}

async function outboxEmpties(page: Page, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => (await outboxOf(page)).length === 0,
    'the outbox to be empty',
    timeoutMs,
  );
}

/**
 * The server holds each of the device's assessments exactly once, at the revision the device
 * holds, scored from the answers it holds; nothing else. The device's outbox is empty and it
 * holds a receipt for each at that revision.
 */
async function assertExactlyOnce(page: Page, serverUrl: string, token: string): Promise<number> {
  const device = (await assessmentsOf(page)).filter((a) => a.status === 'finished');
  const held = await receivedByServer(serverUrl, token);
  const counts = new Map<string, number>();
  for (const a of held) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  const tally = {
    lost: device.filter((a) => !counts.has(a.id)).length,
    duplicated: [...counts.values()].filter((n) => n > 1).length,
    unknown: held.filter((h) => !device.some((a) => a.id === h.id)).length,
  };
  assert.deepEqual(tally, { lost: 0, duplicated: 0, unknown: 0 });

  const byId = new Map(held.map((a) => [a.id, a]));
  for (const a of device) {
    const summary = byId.get(a.id);
    assert.equal(summary?.revision, a.revision, `${a.residentRef}: latest revision`);
    const scores = scoreAssessment(a.answers, bankV1, scaleV1);
    assert.deepEqual(summary?.sections, scores.sections, `${a.residentRef}: scored from answers`);
  }
  assert.deepEqual(await outboxOf(page), []);
  const receipts = new Map((await receiptsOf(page)).map((r) => [r.id, r]));
  for (const a of device) assert.equal(receipts.get(a.id)?.revision, a.revision);
  return device.length;
}

test('through dropped requests, lost responses, duplicates, a late replay and a slow server, each assessment reaches the server exactly once', async () => {
  const db: TestDatabase = await freshDatabase('memory');
  let server: RunningServer | undefined;
  let proxy: FaultProxy | undefined;
  let context: BrowserContext | undefined;
  try {
    server = await startServer({ staticDir: DIST_E2E, database: db.options });
    const serverUrl = server.url;
    const plan = pushPlan();
    proxy = await startFaultProxy({ target: serverUrl, fault: (r) => plan.fault(r) });
    const base = proxy.url;
    context = await browser.newContext();
    const page = await context.newPage();
    // Not set up yet: the gate's set-up screen, where the first-start code goes.
    await page.goto(base + '/');
    await h1(page, t('enrol.title')).waitFor();
    await waitForServiceWorkerControl(page);
    const code = server.firstStart?.code;
    assert.ok(code);
    const { token } = await enrolThroughUi(page, base, code, 'Fault tablet');
    const onServer = async (ids: readonly string[]) => {
      const held = await receivedByServer(serverUrl, token);
      return held.filter((a) => ids.includes(a.id));
    };

    // 1. Dropped before the server: one assessment through the interface, its push dropped and
    //    every retry too while the network is cut at the proxy.
    plan.queue.push({ kind: 'drop' });
    plan.held = true;
    const uiId = await startAssessment(page, base, { residentRef: 'FAULT-UI', set: 'short' });
    await answer(page, 'basics', 'B1', 3);
    await answer(page, 'basics', 'B2', 'dont-know');
    await nextStep(page);
    await answer(page, 'blockers', 'K2', 1);
    await nextStep(page);
    await answerSkill(page, 'GS01', 1, 4);
    await openAt(page, page.url().replace(/\/\d+$/, '/9'));
    await h1(page, iv('interview.review.title')).waitFor();
    await finish(page);
    await eventually(async () => {
      const [entry] = await outboxOf(page);
      return entry?.attempts !== undefined && entry.attempts >= 1 && entry.lastError;
    }, 'the device to postpone the dropped push');
    assert.ok(proxy.stats.drop >= 1);
    assert.deepEqual(await onServer([uiId]), [], 'a dropped request never reached the server');
    await openSyncScreen(page);
    const waiting = syncRow(page, uiId).locator('[data-status="waiting"]');
    assert.ok(parseMessage('status.waitingAfterError', await waiting.innerText()));
    plan.held = false;
    await connectionFlaps(context, page);
    await outboxEmpties(page);
    assert.equal((await onServer([uiId])).length, 1);

    // Then batches seeded as if captured on this device, one fault each. Each fault is queued
    // before its batch is written: whichever push first carries the batch meets the fault.
    let n = 0;
    const seed = async (prefix: string, count: number): Promise<Assessment[]> => {
      const batch = Array.from({ length: count }, () =>
        makeFinishedAssessment(++n, prefix, Date.now()),
      );
      await seedFinished(page, batch);
      return batch;
    };
    const ids = (batch: readonly Assessment[]) => batch.map((a) => a.id);

    // 2. Response lost after the server committed: the server has them, the device does not
    //    know (retries are held back until this is checked), then resends; nothing changes.
    plan.queue.push({ kind: 'lose-response' });
    plan.held = true;
    const lost = await seed('LOST', 4);
    await connectionFlaps(context, page);
    await eventually(
      async () => (await outboxOf(page)).every((e) => e.attempts >= 1 && e.lastError),
      'the device to postpone the batch whose answer was lost',
    );
    assert.equal(proxy.stats['lose-response'], 1);
    const committed = await onServer(ids(lost));
    assert.equal(committed.length, lost.length, 'the server committed the batch');
    assert.equal((await outboxOf(page)).length, lost.length, 'the device still has them to send');
    plan.held = false;
    await connectionFlaps(context, page);
    await outboxEmpties(page);
    const receipts = new Map((await receiptsOf(page)).map((r) => [r.id, r]));
    for (const held of committed) {
      // The resend changed nothing: the receipt is the first receipt.
      assert.equal(receipts.get(held.id)?.receivedAt, held.receivedAt);
      assert.equal(held.firstReceivedAt, held.receivedAt);
    }

    // 3. Delivered twice: the browser gets the second answer, the server keeps one of each.
    plan.queue.push({ kind: 'duplicate' });
    const doubled = await seed('DUP', 4);
    await connectionFlaps(context, page);
    await outboxEmpties(page);
    assert.equal(proxy.stats.duplicate, 1);
    const once = await onServer(ids(doubled));
    assert.equal(once.length, doubled.length);
    const duplicateReceipts = new Map((await receiptsOf(page)).map((r) => [r.id, r]));
    for (const held of once) {
      assert.equal(duplicateReceipts.get(held.id)?.receivedAt, held.firstReceivedAt);
    }

    // 4. Reordered: a batch at revision r is replayed late, after the same assessments at
    //    revision r + 1 (changed on the device since) have been received. The old one must not
    //    win.
    plan.queue.push({ kind: 'replay-later' });
    const early = await seed('LATE', 4);
    await connectionFlaps(context, page);
    await outboxEmpties(page);
    const newer = early.map((a) => nextRevision(a, Date.now()));
    await seedFinished(page, newer);
    await connectionFlaps(context, page);
    await outboxEmpties(page);
    assert.equal(proxy.stats['replay-later'], 1);
    // The old batch was held back and delivered after the next push through the proxy, the
    // push of the newer revisions (the settings fetched after a sync pass it by).
    const replayAt = plan.log.findIndex((r) => r.kind === 'replay-later');
    assert.ok(plan.log.slice(replayAt + 1).some((r) => r.path === '/api/push'));
    for (const held of await onServer(ids(newer))) {
      const latest = newer.find((a) => a.id === held.id);
      assert.equal(held.revision, latest?.revision);
    }

    // 5. A slow server: the records show as being sent while the push is in flight, one drain
    //    at a time, and arrive.
    plan.queue.push({ kind: 'delay', ms: 2_500 });
    const slow = await seed('SLOW', 4);
    const startedAt = Date.now();
    await connectionFlaps(context, page);
    for (const a of slow) await syncRow(page, a.id).locator('[data-status="sending"]').waitFor();
    assert.equal(
      await page.getByRole('button', { name: t('sync.sendNow'), exact: true }).isDisabled(),
      true,
    );
    await outboxEmpties(page);
    assert.ok(Date.now() - startedAt >= 2_500);
    assert.equal(proxy.stats.delay, 1);

    // After all that: exactly once each, at the latest revision, nothing waiting.
    const total = await assertExactlyOnce(page, serverUrl, token);
    assert.equal(total, 1 + 4 * 4);
    await waitForIndicator(page, t('sync.indicator.allSent'));
    await page.getByText(t('sync.none'), { exact: true }).waitFor();

    // Every fault happened, and the proxy's books balance: each request delivered once, less
    // the dropped, plus the second copies and the late replay.
    const { stats } = proxy;
    assert.ok(stats.drop >= 1 && stats['lose-response'] === 1 && stats.duplicate === 1);
    assert.ok(stats['replay-later'] === 1 && stats.delay === 1);
    assert.equal(
      stats.delivered,
      stats.requests - stats.drop + stats.duplicate + stats['replay-later'],
    );
  } finally {
    await context?.close();
    await proxy?.close();
    await server?.close();
    await db.remove();
  }
});

test('the server process killed with SIGKILL mid-batch and restarted: the app retries by itself and nothing is lost or doubled', async () => {
  const db = await freshDatabase('disk');
  const port = await freePort();
  let server: ServerProcess | undefined;
  let proxy: FaultProxy | undefined;
  let context: BrowserContext | undefined;
  try {
    server = await startServerProcess({ port, env: db.env, firstStart: true });
    const serverUrl = server.url;
    const code = server.firstStartCode;
    assert.ok(code, `the first start prints a code:\n${server.output()}`);
    const plan = pushPlan();
    proxy = await startFaultProxy({ target: serverUrl, fault: (r) => plan.fault(r) });
    const base = proxy.url;
    context = await browser.newContext();
    const page = await context.newPage();
    // Not set up yet: the gate's set-up screen, where the first-start code goes.
    await page.goto(base + '/');
    await h1(page, t('enrol.title')).waitFor();
    await waitForServiceWorkerControl(page);
    const { token } = await enrolThroughUi(page, base, code, 'Crash tablet');
    let n = 0;
    const batchOf = (prefix: string, count: number) =>
      Array.from({ length: count }, () => makeFinishedAssessment(++n, prefix, Date.now()));

    // A first batch is received and acknowledged: the device lets it go.
    const acknowledged = batchOf('ACK', MAX_BATCH / 2);
    await seedFinished(page, acknowledged);
    await connectionFlaps(context, page);
    await outboxEmpties(page);

    // A full batch: half new assessments, half new revisions of the acknowledged ones (as if
    // reopened and corrected). The server writes the new ones in one statement, all or nothing,
    // then replaces the held ones one at a time; it is killed part way.
    const fresh = batchOf('KILL', MAX_BATCH / 2);
    const revised = acknowledged.map((a) => ({
      ...a,
      revision: a.revision + 1,
      answers: { ...a.answers, basics: { ...a.answers.basics, B1: 4 as const } },
    }));
    const batch = [...fresh, ...revised];
    const freshIds = new Set(fresh.map((a) => a.id));
    const revisedTo = new Map(revised.map((a) => [a.id, a.revision]));
    const onServer = async () => {
      const held = await receivedByServer(serverUrl, token);
      return {
        fresh: held.filter((a) => freshIds.has(a.id)).length,
        replaced: held.filter((a) => revisedTo.get(a.id) === a.revision).length,
      };
    };
    // When to kill: once the server is inside the batch. On PostgreSQL the test holds a lock on
    // one of the held rows, so the server stops at that replacement, the new ones and the
    // replacements before it committed: waiting on the lock says it is in the middle. PGlite
    // runs each query synchronously, so the server answers nothing else while it ingests: a
    // health check unanswered for 50 ms says it is in the middle (or, if it was quick, the
    // batch is done and the kill loses only the answer).
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const blocker = db.env['DATABASE_URL']
      ? new pg.Client({ connectionString: db.env['DATABASE_URL'] })
      : null;
    const blocked = revised[MAX_BATCH / 4];
    if (blocker && blocked) {
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM assessments WHERE id = $1 FOR UPDATE', [blocked.id]);
    }
    const inTheBatch = async (): Promise<string | false> => {
      if (blocker) {
        const { rows } = await blocker.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' " +
            'AND datname = current_database()',
        );
        return Number(rows[0]?.n) > 0 && 'the server was waiting part way through the batch';
      }
      const answered = fetch(`${serverUrl}/api/health`).then(
        () => true,
        () => true,
      );
      const busy = (await Promise.race([answered, sleep(50).then(() => false)])) === false;
      return busy && 'the server stopped answering other requests in the middle of the batch';
    };
    let killedWhen: string | false = false;
    let killed: Promise<void> | undefined;
    const running = server;
    plan.queue.push({
      kind: 'during',
      during: async () => {
        const deadline = Date.now() + 20_000;
        while (!(killedWhen = await inTheBatch())) {
          if (Date.now() > deadline) throw new Error('The server never started on the batch');
          await sleep(10);
        }
        // Retries are held back until what survived has been counted.
        plan.held = true;
        // SIGKILL goes now; the exit is awaited outside the hook, so that the proxy is already
        // waiting for its request to the server when that request fails.
        killed = running.kill();
      },
    });
    await seedFinished(page, batch);
    await openSyncScreen(page);
    await connectionFlaps(context, page);

    // The app was not answered: it postpones, says why, and keeps everything.
    await page
      .locator('p.banner', { hasText: messagePattern('sync.last.postponed') })
      .waitFor({ timeout: 30_000 });
    assert.equal(proxy.stats.during, 1);
    assert.ok(killedWhen);
    assert.equal((await outboxOf(page)).length, batch.length);

    await killed;
    await blocker?.end();
    // Started again on the same data: no new organisation, and what was acknowledged before the
    // crash is all still there. Of the killed batch, the new ones are there all together or not
    // at all, and not every record of it was written.
    server = await startServerProcess({ port, env: db.env, firstStart: false });
    assert.equal(server.firstStartCode, null);
    const afterRestart = await receivedByServer(serverUrl, token);
    assert.deepEqual(
      acknowledged.filter((a) => !afterRestart.some((h) => h.id === a.id)).map((a) => a.id),
      [],
      'every acknowledged assessment survived the crash',
    );
    const survived = await onServer();
    assert.ok(
      survived.fresh === 0 || survived.fresh === fresh.length,
      `the new ones, all or nothing: ${survived.fresh} of ${fresh.length}`,
    );
    if (blocker) {
      // The new ones, and the replacements the server reached before the locked row (the app
      // sends its outbox in its own order): never the locked one.
      assert.equal(survived.fresh, fresh.length, 'the new ones were committed');
      assert.ok(survived.replaced < revised.length, `${survived.replaced} replaced: part way`);
    }

    // The network heals; the app's own backoff timer sends the batch again (no "Send now", no
    // connection event).
    plan.held = false;
    const healedAt = Date.now();
    await outboxEmpties(page, 60_000);
    console.log(
      `${db.kind}: killed when ${killedWhen}; ${survived.fresh} new and ${survived.replaced} ` +
        `replaced of ${batch.length} survived; ` +
        `resent by the backoff timer ${Date.now() - healedAt} ms after the network healed`,
    );
    assert.equal(
      await assertExactlyOnce(page, serverUrl, token),
      acknowledged.length + fresh.length,
    );
    await waitForIndicator(page, t('sync.indicator.allSent'));
    const pushes = plan.pushes();
    const afterKill = pushes.slice(pushes.findIndex((p) => p.kind === 'during') + 1);
    assert.ok(
      afterKill.some((p) => p.kind === 'pass'),
      'a retry got through after the restart',
    );
  } finally {
    await context?.close();
    await proxy?.close();
    await server?.stop();
    await db.remove();
  }
});
