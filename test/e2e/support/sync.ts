/**
 * Sending to the server, from the outside: enrol through the screens, read and seed the app's
 * IndexedDB in its own shapes (database "doorstep": assessments, outbox, receipts, settings),
 * ask the server what it holds, and read back what the results screen showed.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  VENUES,
  assessmentSchema,
  bankV1,
  newAssessment,
  type Answer,
  type Assessment,
  type Facet,
} from '../../../src/domain/index.ts';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Receipt,
  type Role,
} from '../../../src/shared/protocol.ts';
import {
  assessmentListResponseSchema,
  enrolmentCodeResponseSchema,
  type AssessmentSummary,
} from '../../../src/shared/council-api.ts';
import { outboxEntry, type OutboxEntry } from '../../../src/storage/outbox-store.ts';
import type { Enrolment } from '../../../src/storage/settings-store.ts';
import { en, type MessageKey } from '../../../src/ui/i18n/en.ts';
import { english, h1, t, type Texts } from './app.ts';
import { PIN, setUpDevice } from './gate.ts';

// ---------------------------------------------------------------------------------------------
// Waiting for conditions outside the page.

/** Poll `check` until it returns something other than false/undefined/null; no fixed sleeps. */
export async function eventually<T>(
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`, { cause: last });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches an element whose whole text is exactly `text`. */
export const exactly = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

// ---------------------------------------------------------------------------------------------
// Reading the screens back through the message catalogue.

/** Every form of catalogue message `key` as a regular expression, placeholders as groups. */
export function messagePatterns(key: MessageKey): RegExp[] {
  const message = en[key] as string | Readonly<Record<string, string>>;
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return forms.map((form) => {
    const names: string[] = [];
    const pattern = form
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        // A placeholder used twice must match the same text twice.
        if (names.includes(name)) return `\\k<${name}>`;
        names.push(name);
        return `(?<${name}>.+?)`;
      })
      .join('');
    return new RegExp(`^\\s*${pattern}\\s*$`);
  });
}

/** One pattern matching any form of message `key`: for locators' `hasText`. */
export function messagePattern(key: MessageKey): RegExp {
  // Without group names: the same name in two alternatives needs a newer engine than Node 20.
  const anonymous = (p: RegExp) => p.source.replace(/\(\?<\w+>/g, '(').replace(/\\k<\w+>/g, '.+?');
  return new RegExp(
    messagePatterns(key)
      .map((p) => `(?:${anonymous(p)})`)
      .join('|'),
  );
}

/**
 * The placeholders of catalogue message `key` as they appear in `text`, or null when the text is
 * not that message (every plural form is tried). The inverse of t().
 */
export function parseMessage(key: MessageKey, text: string): Record<string, string> | null {
  for (const pattern of messagePatterns(key)) {
    const match = pattern.exec(text);
    if (match) return { ...match.groups };
  }
  return null;
}

function parsed(key: MessageKey, text: string): Record<string, string> {
  const values = parseMessage(key, text);
  assert.ok(values, `"${text}" is not the message ${key}`);
  return values;
}

export const FACET_ORDER: readonly Facet[] = ['basics', 'blockers', 'skill', 'interest'];

export interface ShownSection {
  readonly score: number | null;
  readonly answered: number;
  readonly total: number;
  /** Shown only for a section with a score. */
  readonly lowCoverage: boolean;
}

export interface ShownPlanItem {
  readonly skillId: string;
  readonly priority: number;
  readonly band: 'high' | 'medium' | 'low' | 'none';
}

export interface ShownResults {
  readonly sections: Readonly<Record<Facet, ShownSection>>;
  readonly plan: readonly ShownPlanItem[];
}

const COVERAGE: Record<Facet, MessageKey> = {
  basics: 'results.coverage.basics',
  blockers: 'results.coverage.blockers',
  skill: 'results.coverage.skills',
  interest: 'results.coverage.skills',
};

const BANDS = ['high', 'medium', 'low', 'none'] as const;

/** The section scores and learning plan exactly as the results screen shows them. */
export async function readResults(page: Page): Promise<ShownResults> {
  await h1(page, t('results.title')).waitFor();
  const sections = {} as Record<Facet, ShownSection>;
  for (const facet of FACET_ORDER) {
    const card = page.locator(`.score-card[data-section="${facet}"]`);
    const scoreText = await card.locator('.score-value').innerText();
    const score =
      scoreText === t('results.noScore') ? null : Number(parsed('results.score', scoreText).score);
    const coverage = parsed(COVERAGE[facet], await card.locator('p').nth(1).innerText());
    const low = await card.locator('.tag-warning').count();
    sections[facet] = {
      score,
      answered: Number(coverage['answered']),
      total: Number(coverage['count']),
      lowCoverage: low > 0,
    };
  }
  const plan: ShownPlanItem[] = [];
  for (const item of await page.locator('ol.plan > li').all()) {
    const tag = await item.locator('.tag').innerText();
    const band = BANDS.find((b) => t(`results.band.${b}`) === tag);
    assert.ok(band, `unknown band "${tag}"`);
    const detail = parsed('results.plan.detail', await item.locator('.hint').innerText());
    plan.push({
      skillId: (await item.getAttribute('data-skill')) ?? '',
      priority: Number(detail['priority']),
      band,
    });
  }
  if (plan.length === 0) await page.getByText(t('results.plan.none'), { exact: true }).waitFor();
  return { sections, plan };
}

/** A section cell of the coordinator's table ("58 (3 of 8, low coverage)"), read back. */
export function parseSectionCell(text: string): Omit<ShownSection, 'total'> & { total: number } {
  if (text.trim() === t('results.headings.notScored')) {
    return { score: null, answered: 0, total: 0, lowCoverage: true };
  }
  const low = parseMessage('results.headings.cellLow', text);
  const values = low ?? parsed('results.headings.cell', text);
  return {
    score: Number(values['score']),
    answered: Number(values['answered']),
    total: Number(values['count']),
    lowCoverage: low !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// Screens of sending and enrolment.

/** The app-wide "not yet on the server" indicator in the navigation. */
export function indicator(page: Page): Locator {
  return page.locator('nav .sync-indicator');
}

export async function waitForIndicator(page: Page, text: string, timeout = 30_000) {
  await indicator(page)
    .filter({ hasText: exactly(text) })
    .waitFor({ timeout });
}

/**
 * Sets up this device with a one-time code through the gate (the device's name, a new worker's
 * account and PIN), then opens /sync, which says who the device is set up for.
 */
export async function enrolThroughUi(
  page: Page,
  baseUrl: string,
  code: string,
  deviceName: string,
  texts: Texts = english,
): Promise<Enrolment> {
  const { t } = texts;
  await page.goto(baseUrl + '/');
  await setUpDevice(page, code, { deviceName, texts });
  await openSyncScreen(page, texts);
  const enrolment = await eventually(() => enrolmentOf(page), 'the enrolment to be stored');
  await page
    .getByText(
      t('sync.enrolled', {
        person: enrolment.person.name,
        organisation: enrolment.organisation.name,
        device: deviceName,
      }),
      { exact: true },
    )
    .waitFor();
  return enrolment;
}

/** The row of one record on /sync (the list of what is not yet on the server). */
export function syncRow(page: Page, id: string): Locator {
  return page.locator(`section[aria-labelledby="queue-title"] tr[data-record="${id}"]`);
}

/** Go to /sync by the navigation link, without reloading the page (the engine keeps its state). */
export async function openSyncScreen(page: Page, { t }: Texts = english): Promise<void> {
  if (new URL(page.url()).pathname !== '/sync') {
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('nav.sync'), exact: true })
      .click();
  }
  await h1(page, t('sync.title')).waitFor();
}

// ---------------------------------------------------------------------------------------------
// The app's IndexedDB, read and written in the app's own shapes.

export type StoreName =
  'assessments' | 'outbox' | 'receipts' | 'settings' | 'residents' | 'contacts' | 'history';

type StoreRequest =
  | { readonly kind: 'read'; readonly store: StoreName }
  | { readonly kind: 'write'; readonly rows: readonly { store: StoreName; value: unknown }[] };

/**
 * Reads or writes the most recently signed-in worker's database as the app does, sealed: the
 * data key is unwrapped from the device's vault record with the PIN, and each row is opened or
 * sealed with WebCrypto's AES-GCM. Written apart from the app's code (which uses another AES-GCM
 * implementation), so it also checks that what is stored is standard AES-256-GCM under the key
 * the worker's PIN opens, in the documented layout.
 */
function sealedStore(page: Page, request: StoreRequest, pin: string): Promise<unknown[]> {
  return page.evaluate(
    async ({ request, pin }) => {
      // The test runner names functions it compiles with a helper the page does not have.
      const scope = globalThis as { __name?: (f: unknown) => unknown };
      scope.__name ??= (f) => f;
      const open = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const opening = indexedDB.open(name);
          opening.onsuccess = () => resolve(opening.result);
          opening.onerror = () => reject(opening.error);
        });
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

      const device = await open('doorstep-device');
      type Vault = { salt: string; iterations: number; byPin: { iv: string; data: string } };
      type Worker = { personId: string; dbName: string; signedInAt: number; vault: Vault };
      const workers = (await done(
        device.transaction('workers').objectStore('workers').getAll(),
      )) as Worker[];
      device.close();
      const worker = workers.sort((a, b) => b.signedInAt - a.signedInAt)[0];
      if (!worker) throw new Error('No worker is signed in on this device');

      const { vault } = worker;
      const material = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(pin.normalize('NFC')),
        'PBKDF2',
        false,
        ['deriveKey'],
      );
      const pinKey = await crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(vault.salt), iterations: vault.iterations },
        material,
        { name: 'AES-GCM', length: 256 },
        false,
        ['decrypt'],
      );
      const raw = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: bytes(vault.byPin.iv),
          additionalData: new TextEncoder().encode('doorstep-vault-1:pin'),
        },
        pinKey,
        bytes(vault.byPin.data),
      );
      const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [
        'encrypt',
        'decrypt',
      ]);
      const aad = (store: string, rowKey: unknown) =>
        new TextEncoder().encode(JSON.stringify(['doorstep-row-1', store, rowKey]));

      const db = await open(worker.dbName);
      try {
        if (request.kind === 'read') {
          const { store } = request;
          if (!db.objectStoreNames.contains(store)) throw new Error(`No store ${store} yet`);
          const objectStore = db.transaction(store).objectStore(store);
          const keyPath = objectStore.keyPath as string;
          const rows = (await done(objectStore.getAll())) as Record<string, unknown>[];
          return Promise.all(
            rows.map(async (row) => {
              const sealed = row['$sealed'];
              if (!(sealed instanceof Uint8Array)) throw new Error(`A ${store} row is not sealed`);
              const plain = await crypto.subtle.decrypt(
                {
                  name: 'AES-GCM',
                  iv: sealed.slice(0, 12),
                  additionalData: aad(store, row[keyPath]),
                },
                key,
                sealed.slice(12),
              );
              return JSON.parse(new TextDecoder().decode(plain)) as unknown;
            }),
          );
        }
        const stores = [...new Set(request.rows.map((r) => r.store))];
        const sealedRows = await Promise.all(
          request.rows.map(async ({ store, value }) => {
            const schema = db.transaction(store).objectStore(store);
            const paths = [
              schema.keyPath as string,
              ...[...schema.indexNames].map((name) => schema.index(name).keyPath as string),
            ];
            const row = value as Record<string, unknown>;
            const nonce = crypto.getRandomValues(new Uint8Array(12));
            const cipher = await crypto.subtle.encrypt(
              { name: 'AES-GCM', iv: nonce, additionalData: aad(store, row[paths[0] as string]) },
              key,
              new TextEncoder().encode(JSON.stringify(row)),
            );
            const sealed = new Uint8Array(12 + cipher.byteLength);
            sealed.set(nonce);
            sealed.set(new Uint8Array(cipher), 12);
            const clear = Object.fromEntries(
              paths.filter((path) => row[path] !== undefined).map((path) => [path, row[path]]),
            );
            return { store, value: { ...clear, $sealed: sealed } };
          }),
        );
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
          for (const row of sealedRows) tx.objectStore(row.store).put(row.value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
        return [];
      } finally {
        db.close();
      }
    },
    { request, pin },
  );
}

/** Every row of one store of the signed-in worker's database, opened. */
export function readStore(page: Page, store: StoreName, pin: string = PIN): Promise<unknown[]> {
  return sealedStore(page, { kind: 'read', store }, pin);
}

/** Put rows, sealed, into stores of the signed-in worker's database in one transaction. */
export async function writeRows(
  page: Page,
  rows: readonly { readonly store: StoreName; readonly value: unknown }[],
  pin: string = PIN,
): Promise<void> {
  await sealedStore(page, { kind: 'write', rows }, pin);
}

export const outboxOf = async (page: Page) => (await readStore(page, 'outbox')) as OutboxEntry[];
export const receiptsOf = async (page: Page) => (await readStore(page, 'receipts')) as Receipt[];
export const assessmentsOf = async (page: Page) =>
  (await readStore(page, 'assessments')).map((row) => assessmentSchema.parse(row));

export async function enrolmentOf(page: Page): Promise<Enrolment | null> {
  const rows = (await readStore(page, 'settings')) as (Enrolment & { key: string })[];
  return rows.find((row) => row.key === 'enrolment') ?? null;
}

/**
 * Finished assessments as if captured on this device: each row with its outbox entry, written
 * in one transaction as AssessmentStore.finish does.
 */
export function seedFinished(
  page: Page,
  assessments: readonly Assessment[],
  entry: (a: Assessment) => OutboxEntry = (a) => outboxEntry(a.id, a.revision, a.updatedAt),
): Promise<void> {
  return writeRows(
    page,
    assessments.flatMap((a) => [
      { store: 'assessments' as const, value: assessmentSchema.parse(a) },
      { store: 'outbox' as const, value: entry(a) },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Assessments made in Node, in the domain's own shape.

const SCORES = [0, 1, 2, 3, 4] as const;
const NON_ANSWERS = ['dont-know', 'not-applicable', 'prefer-not-to-say', 'skipped'] as const;

/** A small deterministic generator (mulberry32), so every run seeds the same answers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Finished assessment number `n` of a full set: mostly scores, some non-answers, every section
 * answered at least once. Its revision counts its answers as the device would (one per change).
 */
export function makeFinishedAssessment(n: number, prefix: string, now: number): Assessment {
  const next = random(n * 7919 + prefix.length);
  const pick = (): Answer =>
    next() < 0.85
      ? (SCORES[Math.floor(next() * SCORES.length)] ?? 0)
      : (NON_ANSWERS[Math.floor(next() * NON_ANSWERS.length)] ?? 'skipped');
  const assessment = newAssessment(
    {
      residentRef: `${prefix}-${String(n).padStart(4, '0')}`,
      venue: VENUES[n % VENUES.length] ?? 'library',
      date: '2026-03-02',
      set: 'full',
      language: 'en',
    },
    { id: crypto.randomUUID(), now: now - 60_000 },
  );
  let changes = 0;
  const answer = (facet: Facet, id: string, value: Answer) => {
    assessment.answers[facet][id] = value;
    changes += 1;
  };
  for (const item of bankV1.basics) answer('basics', item.id, pick());
  for (const item of bankV1.blockers) answer('blockers', item.id, pick());
  for (const skill of bankV1.skills) {
    answer('skill', skill.id, pick());
    answer('interest', skill.id, pick());
  }
  // A score in every section, so that each has something to compare.
  answer('basics', 'B1', (n % 5) as Answer);
  answer('blockers', 'K1', ((n + 2) % 5) as Answer);
  answer('skill', 'GS01', ((n + 1) % 4) as Answer);
  answer('interest', 'GS01', 4);
  return assessmentSchema.parse({
    ...assessment,
    status: 'finished',
    step: bankV1.headings.length + 2,
    updatedAt: now,
    finishedAt: now,
    revision: 1 + changes + 1,
  });
}

/** The same assessment at its next revision, with one answer changed (a later edit). */
export function nextRevision(assessment: Assessment, now: number): Assessment {
  const next = structuredClone(assessment);
  const b1 = next.answers.basics['B1'];
  next.answers.basics['B1'] = b1 === 4 ? 0 : 4;
  next.revision += 1;
  next.updatedAt = now;
  return assessmentSchema.parse(next);
}

// ---------------------------------------------------------------------------------------------
// The server's API, asked directly from Node.

export async function api(
  baseUrl: string,
  token: string | null,
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(baseUrl + path, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** The same, failing the test unless the server answers with a 2xx. */
export async function apiOk(
  baseUrl: string,
  token: string | null,
  path: string,
  init: Parameters<typeof api>[3] = {},
): Promise<Response> {
  const response = await api(baseUrl, token, path, init);
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
  return response;
}

/** What the server holds for the organisation (GET /api/assessments, coordinator token). */
export async function receivedByServer(
  baseUrl: string,
  token: string,
): Promise<AssessmentSummary[]> {
  const response = await api(baseUrl, token, '/api/assessments');
  assert.equal(response.status, 200, await response.clone().text());
  return assessmentListResponseSchema.parse(await response.json()).assessments;
}

export async function createEnrolmentCode(
  baseUrl: string,
  token: string,
  personName: string,
  role: Role,
): Promise<string> {
  const response = await api(baseUrl, token, '/api/enrolment-codes', {
    method: 'POST',
    body: { personName, role },
  });
  assert.equal(response.status, 201, await response.clone().text());
  return enrolmentCodeResponseSchema.parse(await response.json()).code;
}
