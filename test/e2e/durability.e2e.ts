/**
 * What is saved on the device stays safe around it: a full disk, two tabs at once, a newer
 * version opened in another tab (and an older one left open), the browser dropping the database
 * connection, and storage the browser may not keep. Each tab is a page of one browser context,
 * as two tabs of one window share the site's storage.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { format, type Params, type UiLocale } from '../../src/ui/i18n/i18n.ts';
import { storageMessages, type StorageKey } from '../../src/ui/components/storage.messages.ts';
import {
  answer,
  assertChecked,
  english,
  group,
  h1,
  iv,
  radio,
  startAssessment,
  t,
  waitForStep,
  welsh,
  type Texts,
} from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser, launchPersistent } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import {
  PIN,
  issueCode,
  openAt,
  reloadAndUnlock,
  setUpWorker,
  unlock,
  workerDatabase,
} from './support/gate.ts';
import { serve, type Served } from './support/server.ts';
import {
  assessmentsOf,
  enrolThroughUi,
  makeFinishedAssessment,
  seedFinished,
  waitForIndicator,
} from './support/sync.ts';
import type { Assessment } from '../../src/domain/index.ts';
import type { OutboxEntry } from '../../src/storage/outbox-store.ts';

let server: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  server = await serve(DIST_E2E);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context: its own storage, like another device. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  return context;
}

const m = (locale: UiLocale, key: StorageKey, params?: Params) =>
  format(locale, storageMessages[locale][key], params);

/** Click an option without waiting for a commit: for answers that are expected to fail. */
async function tryAnswer(page: Page, itemId: string, value: 0 | 1 | 2 | 3 | 4, texts: Texts) {
  await group(page, texts.legendOf('basics', itemId))
    .getByText(texts.optionText('basics', value), { exact: true })
    .click();
}

/**
 * Tries to write `bytes` into a scratch database of the site; the name of the error if the
 * browser refuses it, null if it commits.
 */
function refusedWrite(page: Page, bytes: number): Promise<string | null> {
  return page.evaluate(async (bytes) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('quota-probe', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('probe');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<string | null>((resolve) => {
        const tx = db.transaction('probe', 'readwrite');
        // Random, so that nothing on the way can make it smaller.
        const value = new Uint8Array(bytes);
        for (let at = 0; at < bytes; at += 65_536) {
          crypto.getRandomValues(value.subarray(at, at + 65_536));
        }
        tx.objectStore('probe').put(value, 'probe');
        tx.oncomplete = () => resolve(null);
        tx.onabort = () => resolve(tx.error?.name ?? 'AbortError');
      });
    } finally {
      db.close();
    }
  }, bytes);
}

async function switchLanguage(page: Page, to: Texts) {
  const from = to === welsh ? english : welsh;
  await page.getByRole('button', { name: from.t('app.language.other'), exact: true }).click();
  await page.getByRole('button', { name: to.t('app.language.other'), exact: true }).waitFor();
}

/** A page of the same site that is not the app: a tab where raw IndexedDB can be driven. */
async function otherTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + '/api/health');
  return page;
}

/**
 * A finished assessment stored and queued as one that failed to send: the engine tries it again
 * by itself only in an hour, so it stays unsent unless "Send now" is pressed.
 */
function waitingAnHour(now: number): (a: Assessment) => OutboxEntry {
  return (a) => ({
    id: a.id,
    revision: a.revision,
    state: 'waiting',
    attempts: 1,
    nextAttemptAt: now + 60 * 60_000,
    queuedAt: now,
    lastError: { code: 'network', message: 'The server could not be reached.', at: now },
  });
}

test('the sync screen says whether records are kept, and unsent ones at risk are flagged', async () => {
  // A test browser context is like a private window: the browser does not keep its storage.
  const context = await newContext();
  const page = await context.newPage();
  await setUpWorker(page, server);
  await page.getByText(t('home.none'), { exact: true }).waitFor();
  // A worker is always set up to send: the record waits to be tried again, so it stays unsent.
  const now = Date.now();
  await seedFinished(page, [makeFinishedAssessment(1, 'DUR', now)], waitingAnHour(now));
  await reloadAndUnlock(page);

  const warning = page.getByText(m('en', 'atRisk', { count: 1 }), { exact: true });
  await warning.waitFor();
  // The way to keep it is to send it.
  const banner = page.locator('.banner', { has: warning });
  await banner.getByRole('button', { name: t('sync.sendNow'), exact: true }).waitFor();
  await assertNoAxeViolations(page, 'home, unsent records in storage the browser may not keep');
  await switchLanguage(page, welsh);
  await page.getByText(m('cy', 'atRisk', { count: 1 }), { exact: true }).waitFor();
  await assertNoAxeViolations(page, 'home in Welsh, unsent records in storage not kept');

  await page.getByRole('link', { name: welsh.t('nav.sync'), exact: true }).click();
  await h1(page, welsh.t('sync.title')).waitFor();
  await page.getByRole('heading', { name: m('cy', 'sync.title'), exact: true }).waitFor();
  await page.getByText(m('cy', 'sync.refused'), { exact: true }).waitFor();
  // Said here in the screen's own words, by its own "Send now": not twice.
  assert.equal(await page.getByText(m('cy', 'atRisk', { count: 1 }), { exact: true }).count(), 0);
  await assertNoAxeViolations(page, 'sync screen in Welsh, storage not kept');
  await switchLanguage(page, english);
  await page.getByText(m('en', 'sync.refused'), { exact: true }).waitFor();
  await assertNoAxeViolations(page, 'sync screen, storage not kept');
});

test('set up to send, the warning offers "Send now", and goes once the record is on the server', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const code = await issueCode(server, 'Dana Hughes');
  await enrolThroughUi(page, server.url, code, 'Durability tablet');
  // A record the engine will not try again by itself for an hour: only "Send now" sends it.
  const now = Date.now();
  const waiting = makeFinishedAssessment(3, 'DUR-SEND', now);
  await seedFinished(page, [waiting], waitingAnHour(now));
  await openAt(page, server.url + '/');
  await h1(page, t('home.title')).waitFor();
  const warning = page.getByText(m('en', 'atRisk', { count: 1 }), { exact: true });
  await warning.waitFor();
  await assertNoAxeViolations(page, 'home, unsent records at risk, set up to send');

  await page
    .locator('.banner', { has: warning })
    .getByRole('button', { name: t('sync.sendNow'), exact: true })
    .click();
  await waitForIndicator(page, t('sync.indicator.allSent'));
  await warning.waitFor({ state: 'detached' });
});

test('where the browser agrees to keep records, the sync screen says so and nothing is flagged', async () => {
  const context = await newContext();
  const page = await context.newPage();
  // The browser's own permission for persistent storage, granted to this site in this context.
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  await (
    await browser.newBrowserCDPSession()
  ).send('Browser.setPermission', {
    permission: { name: 'persistent-storage' },
    setting: 'granted',
    origin: server.url,
    ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {}),
  });
  await setUpWorker(page, server);
  await page.getByText(t('home.none'), { exact: true }).waitFor();
  // Unsent, as in the test above: only the browser's promise to keep it silences the warning.
  const now = Date.now();
  await seedFinished(page, [makeFinishedAssessment(2, 'DUR', now)], waitingAnHour(now));

  await openAt(page, server.url + '/sync');
  await h1(page, t('sync.title')).waitFor();
  await page.getByText(m('en', 'sync.granted'), { exact: true }).waitFor();
  assert.equal(await page.getByText(m('en', 'atRisk', { count: 1 }), { exact: true }).count(), 0);
  await assertNoAxeViolations(page, 'sync screen, storage kept');
  await switchLanguage(page, welsh);
  await page.getByText(m('cy', 'sync.granted'), { exact: true }).waitFor();
  await assertNoAxeViolations(page, 'sync screen in Welsh, storage kept');
});

test('a full disk: the answer is refused in plain words, nothing saved is lost, and a retry commits', async () => {
  // Chromium lets IndexedDB write from an allowance it checked against the quota up to 30 s
  // before, so that allowance is kept small: the assessment is saved in one run of the browser,
  // answered in the next, on the same profile, with a quota that leaves room only to unlock.
  const profile = await mkdtemp(path.join(tmpdir(), 'doorstep-quota-'));
  const runs: BrowserContext[] = [];
  try {
    const first = await launchPersistent(profile);
    runs.push(first);
    const before = first.pages()[0] ?? (await first.newPage());
    await setUpWorker(before, server);
    await startAssessment(before, server.url, { residentRef: 'DUR-FULL' });
    await answer(before, 'basics', 'B1', 2);
    const url = before.url();
    await first.close();

    const second = await launchPersistent(profile);
    runs.push(second);
    const page = second.pages()[0] ?? (await second.newPage());
    const cdp = await second.newCDPSession(page);
    // Unlocking writes to the device's own database: a little room for that first.
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: server.url });
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: server.url,
      quotaSize: usage + 1024 * 1024,
    });
    await openAt(page, url);
    await waitForStep(page, 1);
    await assertChecked(page, 'basics', 'B1', 2);
    // The origin's quota below what it already uses: every new commit is refused, once a write
    // larger than the allowance left from unlocking has made the browser check it again.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 1 });
    const probe = await otherTab(second);
    assert.equal(await refusedWrite(probe, 2 * 1024 * 1024), 'QuotaExceededError');
    await probe.close();

    await tryAnswer(page, 'B2', 3, english);
    await page
      .getByRole('alert')
      .getByText(iv('interview.saveError', { reason: t('error.store.quota') }), { exact: true })
      .waitFor();
    // The screen shows what is stored: the earlier answer, not the refused one.
    await assertChecked(page, 'basics', 'B1', 2);
    assert.equal(await radio(page, 'basics', 'B2', 3).isChecked(), false);
    await assertNoAxeViolations(page, 'interview, the disk is full');

    await switchLanguage(page, welsh);
    await tryAnswer(page, 'B2', 3, welsh);
    await page
      .getByRole('alert')
      .getByText(welsh.iv('interview.saveError', { reason: welsh.t('error.store.quota') }), {
        exact: true,
      })
      .waitFor();
    await assertNoAxeViolations(page, 'interview in Welsh, the disk is full');

    // Space again: the same answer, tried again, is kept.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
    await answer(page, 'basics', 'B2', 3, welsh);
    await reloadAndUnlock(page, PIN, welsh);
    await waitForStep(page, 1, welsh);
    await assertChecked(page, 'basics', 'B1', 2, welsh);
    await assertChecked(page, 'basics', 'B2', 3, welsh);
    const [stored] = await assessmentsOf(page);
    assert.equal(stored?.residentRef, 'DUR-FULL');
    assert.deepEqual(stored?.answers.basics, { B1: 2, B2: 3 });
  } finally {
    for (const run of runs) await run.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
});

test('two tabs answer the same assessment: each sees the other’s answers, none is lost', async () => {
  const context = await newContext();
  const first = await context.newPage();
  await setUpWorker(first, server);
  const id = await startAssessment(first, server.url, { residentRef: 'DUR-TABS' });
  await answer(first, 'basics', 'B1', 1);

  // A new tab starts locked: the same worker unlocks it with their PIN.
  const second = await context.newPage();
  await openAt(second, server.url + '/');
  await second
    .getByRole('link', { name: t('home.continueFor', { who: 'DUR-TABS' }), exact: true })
    .click();
  await waitForStep(second, 1);
  await assertChecked(second, 'basics', 'B1', 1);
  await answer(second, 'basics', 'B2', 2);
  // The first tab last saw its own write; the second changed the record since.
  await answer(first, 'basics', 'B3', 3);
  await answer(second, 'basics', 'B1', 4);

  for (const page of [first, second]) {
    await reloadAndUnlock(page);
    await waitForStep(page, 1);
    await assertChecked(page, 'basics', 'B1', 4);
    await assertChecked(page, 'basics', 'B2', 2);
    await assertChecked(page, 'basics', 'B3', 3);
  }
  const rows = await assessmentsOf(first);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.id, id);
  assert.deepEqual(rows[0]?.answers.basics, { B1: 4, B2: 2, B3: 3 });
  // One revision for the record's creation and one for each of the four answers.
  assert.equal(rows[0]?.revision, 5);
});

test('a newer version opened in another tab: this tab says so, keeps its screen and reloads on request', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await setUpWorker(page, server);
  await startAssessment(page, server.url, { residentRef: 'DUR-UPD' });
  await answer(page, 'basics', 'B1', 2);

  // Dexie numbers the worker's database 10 × the latest version in storage/versions.ts.
  const newer = await otherTab(context);
  const name = await workerDatabase(newer);
  const version = await newer.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          resolve(request.result.version);
          request.result.close();
        };
        request.onerror = () => reject(request.error);
      }),
    name,
  );
  assert.equal(version % 10, 0);
  // The newer version upgrades the database and keeps its connection open. This tab lets go at
  // once, so the upgrade is never blocked.
  const upgraded = await newer.evaluate(
    ({ name, to }) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name, to);
        request.onsuccess = () => {
          (window as unknown as { newer: IDBDatabase }).newer = request.result;
          resolve(request.result.version);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('the upgrade was blocked'));
      }),
    { name, to: version + 10 },
  );
  assert.equal(upgraded, version + 10);

  const notice = page.getByRole('alert').filter({ hasText: m('en', 'updated') });
  await notice.waitFor();
  // Not a blank screen: the question and the answer given are still there.
  await h1(page, english.fullSteps[0] ?? '').waitFor();
  await assertChecked(page, 'basics', 'B1', 2);

  // This tab no longer writes, and says why.
  await tryAnswer(page, 'B2', 1, english);
  await page
    .getByText(iv('interview.saveError', { reason: t('error.store.updated') }), { exact: true })
    .waitFor();
  await assertNoAxeViolations(page, 'interview, updated in another tab');

  await switchLanguage(page, welsh);
  await page
    .getByRole('alert')
    .filter({ hasText: m('cy', 'updated') })
    .waitFor();
  await tryAnswer(page, 'B2', 2, welsh);
  await page
    .getByText(welsh.iv('interview.saveError', { reason: welsh.t('error.store.updated') }), {
      exact: true,
    })
    .waitFor();
  await assertNoAxeViolations(page, 'interview in Welsh, updated in another tab');

  await page.getByRole('button', { name: m('cy', 'reload'), exact: true }).click();
  await page.waitForURL(/\/1$/);
  // A reloaded page starts locked, at the same address.
  await unlock(page, PIN, welsh);
  await waitForStep(page, 1, welsh);
  await assertChecked(page, 'basics', 'B1', 2, welsh);
  // Neither refused answer was saved.
  assert.equal(await radio(page, 'basics', 'B2', 1, welsh).isChecked(), false);
  assert.equal(await radio(page, 'basics', 'B2', 2, welsh).isChecked(), false);
  // Reloaded, it opens the upgraded database and saves again.
  await answer(page, 'basics', 'B2', 1, welsh);
  assert.equal(await page.getByText(m('cy', 'updated'), { exact: true }).count(), 0);
});

test('an older version left open in another tab: the newer one says to close it, then carries on', async () => {
  const context = await newContext();
  const setUp = await context.newPage();
  await setUpWorker(setUp, server);
  // The worker's database as the first version of the app left it: its first schema, nothing
  // in it yet (so no rows to seal). It replaces the one set up, once that tab has let go.
  const older = await otherTab(context);
  const name = await workerDatabase(older);
  await setUp.close();
  await older.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    name,
  );
  // The first version of the app, in a tab that never lets go of the database.
  await older.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 10);
        request.onupgradeneeded = () => {
          const store = request.result.createObjectStore('assessments', { keyPath: 'id' });
          store.createIndex('status', 'status');
          store.createIndex('updatedAt', 'updatedAt');
        };
        request.onsuccess = () => {
          (window as unknown as { older: IDBDatabase }).older = request.result;
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    name,
  );

  const page = await context.newPage();
  await page.goto(server.url + '/');
  await h1(page, t('gate.unlock.title')).waitFor();
  await page.getByLabel(t('gate.pin.label'), { exact: true }).fill(PIN);
  await page.getByRole('button', { name: t('gate.unlock.submit'), exact: true }).click();
  // Unlocked, but nothing can be read yet: no worker's screen (a resident may have the device),
  // and the reason.
  await page
    .getByRole('alert')
    .filter({ hasText: m('en', 'blocked') })
    .waitFor();
  assert.equal(await page.getByRole('button', { name: t('gate.lock'), exact: true }).count(), 0);
  await assertNoAxeViolations(page, 'unlocked, upgrade blocked by another tab');
  await switchLanguage(page, welsh);
  await page
    .getByRole('alert')
    .filter({ hasText: m('cy', 'blocked') })
    .waitFor();
  await assertNoAxeViolations(page, 'unlocked in Welsh, upgrade blocked by another tab');

  await older.evaluate(() => (window as unknown as { older: IDBDatabase }).older.close());
  await h1(page, welsh.t('home.title')).waitFor();
  await page.getByText(welsh.t('home.none'), { exact: true }).waitFor();
  assert.equal(await page.getByText(m('cy', 'blocked'), { exact: true }).count(), 0);
});

test('the connection dropped by the browser is reopened, and the next answers commit', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await setUpWorker(page, server);
  const id = await startAssessment(page, server.url, { residentRef: 'DUR-LOST' });
  await answer(page, 'basics', 'B1', 3);

  // Chromium's own page for IndexedDB closes every connection of the site at once, as the
  // browser does when it drops them in the background; each gets a `close` event.
  const internals = await context.newPage();
  await internals.goto('chrome://indexeddb-internals');
  await internals.getByText('Force close', { exact: true }).click();
  await internals.reload();
  await internals.getByText('Open connections: 0', { exact: false }).first().waitFor();

  // The answer goes through the worker's connection, the next step through the page's.
  await answer(page, 'basics', 'B2', 0);
  await page.getByRole('button', { name: iv('interview.next'), exact: true }).click();
  await waitForStep(page, 2);
  await reloadAndUnlock(page);
  await waitForStep(page, 2);
  const [stored] = await assessmentsOf(page);
  assert.equal(stored?.id, id);
  assert.equal(stored?.step, 1);
  assert.deepEqual(stored?.answers.basics, { B1: 3, B2: 0, B3: 'skipped' });
});
