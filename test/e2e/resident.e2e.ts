/**
 * Resident mode in Chromium: a worker hands the device over, a resident agrees and answers on
 * their own, submits and sees their plan; once the server has it, no store the browser keeps
 * for the origin (every IndexedDB database, Cache Storage, localStorage, sessionStorage) holds
 * anything of it. An unused session is cleared and the app locks. Leaving needs the worker's
 * PIN. The resident's screens pass axe in English and Welsh.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { MAX_FAILED_PINS } from '../../src/storage/device-store.ts';
import { format, type UiLocale } from '../../src/ui/i18n/i18n.ts';
import { residentMessages, type ResidentKey } from '../../src/ui/screens/resident.messages.ts';
import { planMessages } from '../../src/ui/screens/plan.messages.ts';
import { english, h1, welsh, type Texts } from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { PIN, adminToken, setUpWorker, unlock, unlocked } from './support/gate.ts';
import { serve, type Served } from './support/server.ts';
import {
  assessmentsOf,
  eventually,
  outboxOf,
  readStore,
  receiptsOf,
  receivedByServer,
} from './support/sync.ts';

let server: Served;
let browser: Browser;

before(async () => {
  server = await serve(DIST_E2E);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const r = (locale: UiLocale, key: ResidentKey, params?: Record<string, string | number>) =>
  format(locale, residentMessages[locale][key], params);

let residents = 0;

/** Details typed in that appear nowhere else, to look for afterwards. */
function distinctive() {
  const n = ++residents;
  return {
    ref: `KIOSK-${process.pid}-${n}`,
    venueName: `Pennant Reading Room ${process.pid} ${n}`,
    programme: `Tablet lending ${process.pid} ${n}`,
  };
}

/** The worker's form, from their home screen. */
async function openStartForm(page: Page, locale: UiLocale = 'en') {
  await page.getByRole('link', { name: r(locale, 'home.start'), exact: true }).click();
  await h1(page, r(locale, 'start.title')).waitFor();
}

/** The worker's part: the details, then the device handed over. */
async function handOver(
  page: Page,
  details: ReturnType<typeof distinctive>,
  { n, locale }: Texts = english,
) {
  await page.getByLabel(n('new.ref.label'), { exact: true }).fill(details.ref);
  await page.getByLabel(n('new.venue.library'), { exact: true }).check();
  await page.getByLabel(n('new.venueName.label'), { exact: true }).fill(details.venueName);
  await page.getByLabel(n('new.programme.label'), { exact: true }).fill(details.programme);
  await page.getByLabel(n('new.set.short'), { exact: true }).check();
  await page.getByRole('button', { name: r(locale, 'start.submit'), exact: true }).click();
  await h1(page, r(locale, 'welcome.title')).waitFor();
}

async function agree(page: Page, locale: UiLocale = 'en') {
  await page.getByLabel(r(locale, 'agree.label'), { exact: true }).check();
  await page.getByRole('button', { name: r(locale, 'agree.submit'), exact: true }).click();
  await page.getByText(r(locale, 'progress', { number: 1, count: 36 }), { exact: true }).waitFor();
}

/** Answers the question shown with its first option. */
async function answerFirstOption(page: Page) {
  await page.locator('main input[type="radio"]').first().check();
}

/** Next, to the question numbered `number` (or the check page after the last). */
async function next(page: Page, number: number, locale: UiLocale = 'en') {
  await page.getByRole('button', { name: r(locale, 'next'), exact: true }).click();
  if (number > 36) await h1(page, r(locale, 'check.title')).waitFor();
  else {
    await page.getByText(r(locale, 'progress', { number, count: 36 }), { exact: true }).waitFor();
  }
}

async function leave(page: Page, pin: string, locale: UiLocale = 'en') {
  const open = page.getByRole('button', { name: r(locale, 'leave.open'), exact: true });
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
  await page.getByLabel(r(locale, 'leave.pin'), { exact: true }).fill(pin);
  await page.getByRole('button', { name: r(locale, 'leave.submit'), exact: true }).click();
}

// Run in the page as a string: nothing of the test runner's compiled code goes with it.
const SCAN_ORIGIN = `(async (needles) => {
  const found = [];
  const bytes = (x) => new TextDecoder('utf-8', { fatal: false }).decode(x);
  const text = (v) => JSON.stringify(v, (k, x) =>
    x instanceof Uint8Array || x instanceof ArrayBuffer ? bytes(x) : x);
  const look = (where, s) => {
    for (const needle of needles) if (s.includes(needle)) found.push(where + ': ' + needle);
  };
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = (await indexedDB.databases()).map((d) => d.name);
  for (const name of names) {
    const db = await done(indexedDB.open(name));
    for (const store of [...db.objectStoreNames]) {
      const tx = db.transaction(store);
      const rows = await done(tx.objectStore(store).getAll());
      const keys = await done(tx.objectStore(store).getAllKeys());
      look(name + '/' + store, text(rows) + text(keys));
    }
    db.close();
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      look('cache ' + request.url, request.url + (response ? await response.text() : ''));
    }
  }
  for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      look(label, key + '=' + storage.getItem(key));
    }
  }
  return { found, names };
})`;

/** Where in the origin's raw storage any of `needles` can be read. */
async function readableAnywhere(page: Page, needles: readonly string[]) {
  return page.evaluate(
    ([script, args]) => (0, eval)(script)(args) as Promise<{ found: string[]; names: string[] }>,
    [SCAN_ORIGIN, needles] as const,
  );
}

/** Every store of the worker's database, opened with their PIN, as one string to search. */
async function openedStores(page: Page): Promise<string> {
  const stores = ['assessments', 'outbox', 'receipts', 'settings', 'residents', 'contacts'];
  const rows = await Promise.all(stores.map((store) => readStore(page, store as 'outbox')));
  return JSON.stringify(rows);
}

describe('resident mode', () => {
  test('a resident answers, submits, sees their plan; once sent nothing of it remains', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await setUpWorker(page, server, { personName: 'Rhian Price' });
      const details = distinctive();
      await openStartForm(page);
      await handOver(page, details);
      // Only the resident's flow: no navigation, no link but the skip link.
      assert.equal(await page.getByRole('navigation').count(), 0);
      await page.goto(server.url + '/sync');
      await h1(page, english.t('gate.unlock.title')).waitFor();
      await page.getByLabel(english.t('gate.pin.label'), { exact: true }).fill(PIN);
      await page
        .getByRole('button', { name: english.t('gate.unlock.submit'), exact: true })
        .click();
      // Any address, after a reload and unlock, shows the resident flow where it was.
      await h1(page, r('en', 'welcome.title')).waitFor();
      await agree(page);
      await answerFirstOption(page);
      for (let n = 2; n <= 37; n++) await next(page, n);
      assert.equal(
        await page.getByText(r('en', 'check.answered', { answered: 1, count: 36 })).count(),
        1,
      );
      await page.getByRole('button', { name: r('en', 'check.submit'), exact: true }).click();
      await h1(page, format('en', planMessages.en['plan.title'])).waitFor();
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, ['#main']);

      // The server has it, and the device no longer does.
      const token = await adminToken(server);
      const received = await eventually(
        async () =>
          (await receivedByServer(server.url, token)).find((a) => a.residentRef === details.ref),
        'the server to receive the resident’s assessment',
      );
      await eventually(
        async () => (await receiptsOf(page)).some((x) => x.id === received.id),
        'the receipt to be stored',
      );
      assert.deepEqual(await outboxOf(page), []);
      assert.deepEqual(await assessmentsOf(page), []);
      const opened = await openedStores(page);
      for (const needle of Object.values(details)) assert.ok(!opened.includes(needle), needle);
      const scan = await readableAnywhere(page, Object.values(details));
      assert.ok(scan.names.length >= 2, `databases scanned: ${scan.names.join(', ')}`);
      assert.deepEqual(scan.found, []);
      // Their plan stays on the screen until they hand the device back.
      await h1(page, format('en', planMessages.en['plan.title'])).waitFor();

      // Leaving needs the worker's PIN; a wrong one says how many tries are left.
      await leave(page, '000000');
      await page
        .getByText(r('en', 'leave.wrong', { count: MAX_FAILED_PINS - 1 }), { exact: true })
        .waitFor();
      await leave(page, PIN);
      await unlocked(page);
      await h1(page, english.t('home.title')).waitFor();
      assert.equal(await page.getByText(details.ref).count(), 0);
    } finally {
      await context.close();
    }
  });

  test('an unused session is cleared and the app locks', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.clock.install();
    const page = await context.newPage();
    try {
      await setUpWorker(page, server, { personName: 'Dewi Lloyd' });
      const details = distinctive();
      await openStartForm(page);
      await handOver(page, details);
      await agree(page);
      await answerFirstOption(page);
      await next(page, 2);
      // Past the organisation's lock time (5 minutes unless it sets another).
      await page.clock.fastForward('06:00');
      await h1(page, english.t('gate.unlock.title')).waitFor();
      await unlock(page);
      await h1(page, english.t('home.title')).waitFor();
      assert.deepEqual(await assessmentsOf(page), []);
      const settings = (await readStore(page, 'settings')) as { key: string }[];
      assert.ok(!settings.some((row) => row.key === 'resident-mode'), 'the marker is cleared');
      const scan = await readableAnywhere(page, Object.values(details));
      assert.deepEqual(scan.found, []);
      assert.ok(!(await openedStores(page)).includes(details.ref));
    } finally {
      await context.close();
    }
  });

  test('the resident’s screens pass axe in English and Welsh', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const both = async (state: string) => {
      for (const [texts, other] of [
        [english, welsh],
        [welsh, english],
      ] as const) {
        const locale = (await page.evaluate(() => document.documentElement.lang)) as string;
        if (!locale.startsWith(texts.locale)) {
          await page
            .getByRole('button', { name: other.t('app.language.other'), exact: true })
            .click();
          await page.waitForFunction(
            (lang) => document.documentElement.lang === lang,
            texts.locale === 'cy' ? 'cy' : 'en-GB',
          );
        }
        await assertNoAxeViolations(page, `${state} (${texts.locale})`);
      }
      // Back to English for the next step.
      await page.getByRole('button', { name: welsh.t('app.language.other'), exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en-GB');
    };
    try {
      await setUpWorker(page, server, { personName: 'Non Evans' });
      const details = distinctive();
      await openStartForm(page);
      await both('resident mode: the worker’s form');
      await handOver(page, details);
      await both('resident mode: welcome and privacy notice');
      await page.getByRole('button', { name: r('en', 'agree.submit'), exact: true }).click();
      await page.getByText(r('en', 'agree.error'), { exact: true }).first().waitFor();
      await both('resident mode: agreement missing');
      await agree(page);
      await answerFirstOption(page);
      await both('resident mode: a question');
      for (let n = 2; n <= 37; n++) await next(page, n);
      await both('resident mode: check and send');
      await leave(page, '000000');
      await page
        .getByText(r('en', 'leave.wrong', { count: MAX_FAILED_PINS - 1 }), { exact: true })
        .waitFor();
      await both('resident mode: leaving, wrong PIN');
      await page.getByRole('button', { name: r('en', 'leave.cancel'), exact: true }).click();
      await page.getByRole('button', { name: r('en', 'check.submit'), exact: true }).click();
      await h1(page, format('en', planMessages.en['plan.title'])).waitFor();
      await both('resident mode: their plan');
    } finally {
      await context.close();
    }
  });
});
