/**
 * Signing out with unsent assessments, end to end in Chromium against the real server, once in
 * each language: a worker offline is shown exactly what signing out would lose, exports it to an
 * encrypted file (a real download), and signs out, after which nothing of theirs is left in the
 * browser's storage. A worker on another device imports the file with its passphrase (a wrong
 * one first) and it reaches the server. Each new state is scanned with axe.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LANGUAGE_TAG, format } from '../../src/ui/i18n/i18n.ts';
import { syncMessages, type SyncKey } from '../../src/ui/screens/sync.messages.ts';
import { english, h1, welsh, type Texts } from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { adminToken, setUpWorker } from './support/gate.ts';
import { serve, type Served } from './support/server.ts';
import {
  eventually,
  makeFinishedAssessment,
  openSyncScreen,
  outboxOf,
  receiptsOf,
  receivedByServer,
  seedFinished,
} from './support/sync.ts';

const FILE_PASSPHRASE = 'kettle on the hob, 7 spoons';

let server: Served;
let browser: Browser;
// Where the exported files are kept between one device and the other.
let downloads: string;

before(async () => {
  server = await serve(DIST_E2E);
  browser = await launchBrowser();
  downloads = await mkdtemp(path.join(tmpdir(), 'doorstep-export-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** A new browser profile: its own storage, as on another device. */
function newDevice(texts: Texts): Promise<BrowserContext> {
  return browser.newContext({
    locale: texts.locale === 'cy' ? 'cy-GB' : 'en-GB',
    acceptDownloads: true,
  });
}

/**
 * A date as the screens write it, with the browser's own date names (Chromium may know fewer
 * Welsh ones than Node).
 */
function inPage(page: Page, iso: string, texts: Texts): Promise<string> {
  return page.evaluate(
    ([iso, tag]) => {
      const [y, m, d] = iso.split('-').map(Number);
      const format = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
      return format.format(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
    },
    [iso, LANGUAGE_TAG[texts.locale]] as const,
  );
}

/** Everything the page's origin keeps: each IndexedDB database's rows, and Cache Storage. */
function everythingStored(page: Page) {
  return page.evaluate(async () => {
    const scope = globalThis as { __name?: (f: unknown) => unknown };
    scope.__name ??= (f) => f;
    const done = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    // Bytes as text too, so that a clear copy hidden in a byte array would still be found.
    const text = (value: unknown) =>
      JSON.stringify(value, (_, v: unknown) =>
        v instanceof Uint8Array || v instanceof ArrayBuffer
          ? new TextDecoder().decode(v)
          : (v as unknown),
      );
    const databases: Record<string, string> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const opening = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const store of db.objectStoreNames) {
        stores[store] = await done(db.transaction(store).objectStore(store).getAll());
      }
      db.close();
      databases[name] = text(stores);
    }
    const caches: string[] = [];
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        caches.push(request.url + '\n' + ((await response?.text()) ?? ''));
      }
    }
    return { databases, caches };
  });
}

for (const texts of [english, welsh]) {
  describe(texts.locale === 'cy' ? 'in Welsh' : 'in English', () => {
    const { t } = texts;
    const m = (key: SyncKey, params?: Record<string, string | number>) =>
      format(texts.locale, syncMessages[texts.locale][key], params);
    const now = Date.now();
    const unsent = [
      makeFinishedAssessment(1, `EXP-${texts.locale.toUpperCase()}`, now),
      makeFinishedAssessment(2, `EXP-${texts.locale.toUpperCase()}`, now),
    ];
    let filePath: string;

    test('a worker offline exports the unsent assessments to an encrypted file and signs out', async () => {
      const context = await newDevice(texts);
      const page = await context.newPage();
      try {
        await setUpWorker(page, server, { texts, personName: 'Alex Morgan' });
        // Finished on this device while out of reach of the server.
        await context.setOffline(true);
        await seedFinished(page, unsent);
        await openSyncScreen(page, texts);

        const signOut = page.getByRole('region', { name: t('signout.title'), exact: true });
        const lost = signOut.getByRole('region', { name: m('lost.caption'), exact: true });
        for (const a of unsent) {
          const row = lost.locator(`tr[data-lost="${a.id}"]`);
          // The list is read after the screen is drawn: wait for the row before reading it.
          await row.getByRole('cell').first().waitFor();
          assert.deepEqual(await row.getByRole('cell').allInnerTexts(), [
            a.residentRef,
            await inPage(page, a.date, texts),
            m('lost.status.waiting'),
          ]);
        }
        await signOut.getByText(m('choices.wait'), { exact: true }).waitFor();
        await assertNoAxeViolations(page, `${texts.locale}: sign-out with what would be lost`);

        // Sending now cannot help offline, and says so.
        await signOut.getByRole('button', { name: m('send.button'), exact: true }).click();
        await signOut.getByText(m('send.left', { count: 2 }), { exact: true }).waitFor();

        await signOut.getByRole('button', { name: m('export.open'), exact: true }).click();
        const passphrase = page.getByLabel(m('export.passphrase'), { exact: true });
        const repeat = page.getByLabel(m('export.repeat'), { exact: true });
        await passphrase.fill(FILE_PASSPHRASE);
        await assertNoAxeViolations(page, `${texts.locale}: the export form`);
        await repeat.fill(FILE_PASSPHRASE + '!');
        await page.getByRole('button', { name: m('export.submit'), exact: true }).click();
        const summary = page.getByRole('alert').filter({ hasText: t('errors.summary') });
        await summary.waitFor();
        assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [m('export.mismatch')]);
        await assertNoAxeViolations(page, `${texts.locale}: the export form with an error`);

        await repeat.fill(FILE_PASSPHRASE);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: m('export.submit'), exact: true }).click(),
        ]);
        // Kept apart from the browser profile, which goes with this device.
        filePath = path.join(downloads, `${texts.locale}.json`);
        await download.saveAs(filePath);
        const file = await readFile(filePath, 'utf8');
        assert.equal(JSON.parse(file).format, 'doorstep-encrypted-export');
        for (const a of unsent) {
          assert.ok(!file.includes(a.id), 'an assessment id is in the file in the clear');
          assert.ok(!file.includes(a.residentRef ?? ''), 'a reference is in the file in the clear');
        }
        await page
          .getByText(m('export.done', { count: 2, file: download.suggestedFilename() }), {
            exact: true,
          })
          .waitFor();
        await assertNoAxeViolations(page, `${texts.locale}: exported`);

        // Signing out deletes them: the worker confirms they understand.
        const personId = await page.evaluate(async () => {
          const opening = indexedDB.open('doorstep-device');
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            opening.onsuccess = () => resolve(opening.result);
            opening.onerror = () => reject(opening.error);
          });
          const all = db.transaction('workers').objectStore('workers').getAll();
          const workers = await new Promise<{ personId: string }[]>((resolve) => {
            all.onsuccess = () => resolve(all.result as { personId: string }[]);
          });
          db.close();
          return workers.map((w) => w.personId);
        });
        assert.equal(personId.length, 1);
        const before = await everythingStored(page);
        assert.ok(Object.keys(before.databases).includes(`doorstep-${personId[0]}`));

        await signOut.getByLabel(t('signout.confirm', { count: 2 }), { exact: true }).check();
        await signOut.getByRole('button', { name: t('signout.buttonDelete'), exact: true }).click();
        await page.getByRole('button', { name: t('gate.lock'), exact: true }).waitFor({
          state: 'detached',
        });
        const after = await eventually(async () => {
          const stored = await everythingStored(page);
          return Object.keys(stored.databases).includes(`doorstep-${personId[0]}`) ? null : stored;
        }, 'the worker’s database to be deleted');
        const everything = [...Object.values(after.databases), ...after.caches].join('\n');
        for (const value of [personId[0] ?? '', ...unsent.flatMap((a) => [a.id, a.residentRef])]) {
          assert.ok(
            !everything.includes(value ?? ''),
            `${value} is still stored after signing out`,
          );
        }
      } finally {
        await context.close();
      }
    });

    test('a worker on another device imports the file with its passphrase and sends it', async () => {
      assert.ok(filePath, 'the export test ran first');
      const context = await newDevice(texts);
      const page = await context.newPage();
      try {
        await setUpWorker(page, server, {
          texts,
          personName: 'Sam Jones',
          deviceName: 'Community centre laptop',
        });
        await openSyncScreen(page, texts);
        const section = page.getByRole('region', { name: m('import.title'), exact: true });
        await section.getByLabel(m('import.file'), { exact: true }).setInputFiles(filePath);
        const passphrase = section.getByLabel(m('import.passphrase'), { exact: true });
        await passphrase.fill('kettle on the hob, 7 spoon');
        await section.getByRole('button', { name: m('import.submit'), exact: true }).click();
        const summary = page.getByRole('alert').filter({ hasText: t('errors.summary') });
        await summary.waitFor();
        assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
          m('import.wrongPassphrase'),
        ]);
        await assertNoAxeViolations(page, `${texts.locale}: import with a wrong passphrase`);
        assert.deepEqual(await outboxOf(page), []);

        await passphrase.fill(FILE_PASSPHRASE);
        await section.getByRole('button', { name: m('import.submit'), exact: true }).click();
        await section.getByText(m('import.added', { count: 2 }), { exact: true }).waitFor();
        await summary.waitFor({ state: 'detached' });
        await assertNoAxeViolations(page, `${texts.locale}: imported`);

        // Sent like any other: the server has both, and the device its receipts.
        const ids = unsent.map((a) => a.id).sort();
        const token = await adminToken(server);
        await eventually(async () => {
          const held = (await receivedByServer(server.url, token)).map((a) => a.id);
          return ids.every((id) => held.includes(id));
        }, 'the server to hold the imported assessments');
        await eventually(
          async () => (await receiptsOf(page)).length === 2 && (await outboxOf(page)).length === 0,
          'the receipts to be stored',
        );
        assert.deepEqual((await receiptsOf(page)).map((r) => r.id).sort(), ids);
        await h1(page, t('sync.title')).waitFor();
      } finally {
        await context.close();
      }
    });
  });
}
