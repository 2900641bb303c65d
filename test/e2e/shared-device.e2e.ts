/**
 * A device passed from worker to worker: while locked, what IndexedDB holds is ciphertext; one
 * worker's residents are out of another's reach; after a worker signs out nothing of theirs is
 * left in any storage of the origin; and the app locks by itself when left alone, without
 * losing the interview in progress. Every check reads the raw stores, not the app's screens.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  answer,
  finish,
  h1,
  iv,
  nextStep,
  startAssessment,
  t,
  waitForStep,
} from './support/app.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import {
  PIN,
  adminToken,
  issueCode,
  openAt,
  setUpWorker,
  unlock,
  useCode,
} from './support/gate.ts';
import { serve, type Served } from './support/server.ts';
import { apiOk, eventually, openSyncScreen, readStore, receivedByServer } from './support/sync.ts';

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

/**
 * Everything the origin keeps, as text: every IndexedDB database's every row (bytes read as
 * Latin-1, so that a plaintext string inside them would still show), Cache Storage's requests
 * and bodies, localStorage and sessionStorage.
 */
function rawStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const scope = globalThis as { __name?: (f: unknown) => unknown };
    scope.__name ??= (f) => f;
    const parts: string[] = [];
    const text = (value: unknown) =>
      JSON.stringify(value, (_key, v: unknown) =>
        ArrayBuffer.isView(v)
          ? String.fromCharCode(...new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
          : v,
      );
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      for (const store of db.objectStoreNames) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`idb ${name} ${store} ${text(rows)}`);
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(`cache ${cacheName} ${request.url} ${(await response?.text()) ?? ''}`);
      }
    }
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        parts.push(`storage ${key} ${storage.getItem(key) ?? ''}`);
      }
    }
    return parts.join('\n');
  });
}

function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])),
  );
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('gate.lock'), exact: true }).click();
  await h1(page, t('gate.unlock.title')).waitFor();
}

test('while locked, every record is ciphertext, and unlocking goes back to the same question', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await setUpWorker(page, server, { personName: 'Ann Price' });
    const ref = 'LOCKED-REF-5521';
    const id = await startAssessment(page, server.url, { residentRef: ref, venue: 'library' });
    await answer(page, 'basics', 'B1', 3);
    await answer(page, 'basics', 'B2', 1);
    const url = page.url();

    // The stores hold the answers, sealed: the test's own AES-GCM opens them with the PIN.
    const [stored] = (await readStore(page, 'assessments')) as {
      id: string;
      residentRef: string;
      answers: { basics: Record<string, number> };
    }[];
    assert.equal(stored?.residentRef, ref);
    assert.equal(stored?.answers.basics['B1'], 3);

    await lock(page);
    const raw = await rawStorage(page);
    assert.ok(raw.includes(id), 'the assessment is still there, by its id');
    assert.ok(!raw.includes(ref), 'no resident reference in the clear');
    assert.ok(!raw.includes('"answers"'), 'no answers in the clear');
    assert.ok(!raw.includes('"residentRef"'), 'no field of the record in the clear');
    // Nothing of the worker's screens is left on the page either.
    assert.equal(await page.getByText(ref).count(), 0);

    await unlock(page);
    assert.equal(page.url(), url);
    await waitForStep(page, 1);
    const checked = page.getByRole('radio', { checked: true });
    assert.equal(await checked.count(), 2, 'both answers are still there');
  } finally {
    await context.close();
  }
});

test('one worker’s residents are invisible to the next, and signing out leaves nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await setUpWorker(page, server, { personName: 'Bryn Evans', deviceName: 'Shared tablet' });
    const brynRef = 'BRYN-REF-7731';
    await startAssessment(page, server.url, { residentRef: brynRef, set: 'short' });
    await finishShortAssessment(page);
    await openSyncScreen(page);
    await eventually(
      async () =>
        (await receivedByServer(server.url, await adminToken(server))).some(
          (a) => a.residentRef === brynRef,
        ) || null,
      'the server to have Bryn’s assessment',
    );
    const brynDatabases = await databaseNames(page);
    await lock(page);

    // Cerys is new to this device: her code sets up her account on it.
    await useCode(page, await issueCode(server, 'Cerys Hughes'));
    await h1(page, t('home.title')).waitFor();
    assert.equal(await page.getByText(brynRef).count(), 0, 'Cerys sees none of Bryn’s residents');
    assert.deepEqual(await readStore(page, 'assessments'), [], 'her own database is empty');
    const cerysRef = 'CERYS-REF-1290';
    await startAssessment(page, server.url, { residentRef: cerysRef, set: 'short' });
    await lock(page);

    // Back to Bryn: he signs out, with everything on the server.
    await page.getByRole('radio', { name: 'Bryn Evans', exact: true }).check();
    await unlock(page);
    await openSyncScreen(page);
    await page.getByText(t('signout.safe'), { exact: true }).waitFor();
    await page.getByRole('button', { name: t('signout.button'), exact: true }).click();
    await h1(page, t('gate.unlock.title')).waitFor();

    const gone = brynDatabases.filter(
      (name) => name.startsWith('doorstep-') && name !== 'doorstep-device',
    );
    const now = await databaseNames(page);
    assert.ok(gone.length > 0);
    for (const name of gone) assert.ok(!now.includes(name), `${name} is deleted`);
    const raw = await rawStorage(page);
    assert.ok(!raw.includes(brynRef), 'nothing of Bryn’s resident is left');
    assert.ok(!raw.includes('Bryn Evans'), 'nor Bryn himself');
    assert.ok(!raw.includes(cerysRef), 'Cerys’s records are still sealed');
    // Cerys is still on the device, and her record still opens.
    await unlock(page);
    await h1(page, t('home.title')).waitFor();
    await page.getByText(cerysRef).first().waitFor();
  } finally {
    await context.close();
  }
});

test('the app locks by itself after the organisation’s idle time, keeping the interview', async () => {
  const token = await adminToken(server);
  const settings = (await (await apiOk(server.url, token, '/api/settings')).json()) as Record<
    string,
    unknown
  >;
  await apiOk(server.url, token, '/api/settings', {
    method: 'PUT',
    body: { ...settings, lockMinutes: 1 },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await setUpWorker(page, server, { personName: 'Dylan Rees' });
    // The settings come with the first sending after unlocking.
    await eventually(async () => {
      const rows = (await readStore(page, 'settings')) as { key: string; value?: unknown }[];
      return rows.find((row) => row.key === 'organisation') ?? null;
    }, 'the organisation’s settings on the device');
    await startAssessment(page, server.url, { residentRef: 'IDLE-REF-3348' });
    await answer(page, 'basics', 'B1', 2);
    const url = page.url();
    const idleFrom = Date.now();

    // A minute with nothing touched: the app locks (the real minute, no clock is faked).
    await h1(page, t('gate.unlock.title')).waitFor({ timeout: 120_000 });
    assert.ok(Date.now() - idleFrom >= 55_000, 'not before the minute is up');

    await unlock(page, PIN);
    assert.equal(page.url(), url);
    await waitForStep(page, 1);
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 1);
  } finally {
    await context.close();
    await apiOk(server.url, token, '/api/settings', { method: 'PUT', body: settings });
  }
});

/** One answer, then straight to the review and finish: the rest is recorded as skipped. */
async function finishShortAssessment(page: Page): Promise<void> {
  await answer(page, 'basics', 'B1', 4);
  await nextStep(page);
  await openAt(page, page.url().replace(/\/\d+$/, '/9'));
  await h1(page, iv('interview.review.title')).waitFor();
  await finish(page);
}
