/**
 * A revisit on another device, end to end in Chromium against the real server: device A assesses
 * LIB-0042 (and another resident) and sends both; device B, a browser context of its own (its own
 * IndexedDB), starts a revisit for LIB-0042, which fetches that resident's earlier visit from the
 * server, and only that resident's; B's progress screen compares with it, and its figures are the
 * ones worked out here from the answers given.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  bankV1,
  emptyAnswers,
  progressBetween,
  scaleV1,
  type Answers,
  type PairedGain,
} from '../../src/domain/index.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import type { Enrolment } from '../../src/storage/settings-store.ts';
import { formatIsoDate } from '../../src/ui/format.ts';
import { format } from '../../src/ui/i18n/i18n.ts';
import { newMessages, type NewKey } from '../../src/ui/screens/new.messages.ts';
import { progressMessages, type ProgressKey } from '../../src/ui/screens/progress.messages.ts';
import {
  agreeToTakePart,
  answer,
  answerSkill,
  finish,
  group,
  h1,
  iv,
  nextStep,
  openNewAssessmentForm,
  t,
  waitForServiceWorkerControl,
  waitForStep,
  welsh,
  type Score,
} from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { issueCode, openAt } from './support/gate.ts';
import {
  assessmentsOf,
  createEnrolmentCode,
  enrolThroughUi,
  readStore,
  receivedByServer,
  waitForIndicator,
  type StoreName,
} from './support/sync.ts';

const REF = 'LIB-0042';
const OTHER_REF = 'LIB-0099';
const PROGRAMME = 'Library drop-in, spring';
const VENUE_NAME = 'Central Library';
const FIRST_DATE = '2026-10-01';

type Chosen = Pick<Answers, 'basics' | 'blockers' | 'skill' | 'interest'>;

/** The first visit, on device A. */
const FIRST: Chosen = {
  basics: { B1: 1, B2: 2 },
  blockers: { K1: 1, K2: 3 },
  skill: { GS01: 1, GS02: 2, GS03: 4, GS04: 2 },
  interest: { GS01: 4, GS02: 2, GS03: 1, GS04: 3 },
};
/** The revisit, on device B: some skills up, one down, one the same. */
const SECOND: Chosen = {
  basics: { B1: 3, B2: 2 },
  blockers: { K1: 3, K2: 2 },
  skill: { GS01: 3, GS02: 4, GS03: 2, GS04: 2 },
  interest: { GS01: 2, GS02: 2, GS03: 1, GS04: 4 },
};

let server: RunningServer;
let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let a: Page;
let b: Page;
let enrolmentA: Enrolment;
/** The API paths device B asked for, in order. */
const askedByB: string[] = [];

before(async () => {
  server = await startServer({ staticDir: DIST_E2E });
  browser = await launchBrowser();
  contextA = await browser.newContext({ locale: 'en-GB' });
  contextB = await browser.newContext({ locale: 'en-GB' });
  contextB.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) askedByB.push(path);
  });
  a = await contextA.newPage();
  b = await contextB.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const base = () => server.url;
const nm = (key: NewKey, params?: Record<string, string | number>, locale: 'en' | 'cy' = 'en') =>
  format(locale, newMessages[locale][key], params);
const pm = (key: ProgressKey, params?: Record<string, string | number>) =>
  format('en', progressMessages.en[key], params);

/** Answer the chosen questions on the basics, blockers and first skills steps, then finish. */
async function answerAndFinish(page: Page, chosen: Chosen): Promise<string> {
  await waitForStep(page, 1);
  for (const [id, value] of Object.entries(chosen.basics)) {
    await answer(page, 'basics', id, value as Score);
  }
  await nextStep(page);
  for (const [id, value] of Object.entries(chosen.blockers)) {
    await answer(page, 'blockers', id, value as Score);
  }
  await nextStep(page);
  for (const [id, value] of Object.entries(chosen.skill)) {
    await answerSkill(page, id, value as Score, chosen.interest[id] as Score);
  }
  await openAt(page, page.url().replace(/\/\d+$/, '/10'));
  await h1(page, iv('interview.review.title')).waitFor();
  await finish(page);
  const id = /\/assessments\/([^/]+)\/results$/.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id, `not on a results page: ${page.url()}`);
  return id;
}

/**
 * Every row of every store on this page's device: the device's own database as it is stored
 * (under "device/<store>"), and the signed-in worker's, each row opened with their PIN.
 */
async function everythingStored(page: Page): Promise<Record<string, unknown[]>> {
  const { device, stores } = await page.evaluate(async () => {
    const deviceDb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('doorstep-device');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const device: Record<string, unknown[]> = {};
    try {
      for (const store of deviceDb.objectStoreNames) {
        device[`device/${store}`] = await new Promise<unknown[]>((resolve, reject) => {
          const request = deviceDb.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      }
    } finally {
      deviceDb.close();
    }
    const workers = (device['device/workers'] ?? []) as { dbName: string; signedInAt: number }[];
    const latest = [...workers].sort((x, y) => y.signedInAt - x.signedInAt)[0];
    if (!latest) throw new Error('No worker is signed in on this device');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(latest.dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = [...db.objectStoreNames];
    db.close();
    return { device, stores };
  });
  const all: Record<string, unknown[]> = { ...device };
  for (const store of stores) all[store] = await readStore(page, store as StoreName);
  return all;
}

/** axe in English, then in Welsh by the app's own switch, then back to English. */
async function scanInBothLanguages(page: Page, state: string, welshHeading: string) {
  await assertNoAxeViolations(page, `${state} (English)`);
  await page.getByRole('button', { name: t('app.language.other'), exact: true }).click();
  await h1(page, welshHeading).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  await assertNoAxeViolations(page, `${state} (Welsh)`);
  await page.getByRole('button', { name: welsh.t('app.language.other'), exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en-GB');
}

test('device A assesses LIB-0042 with a programme and venue name, and another resident, and sends both', async () => {
  // A coordinator, who assesses too and gives device B's worker their code.
  const code = await issueCode(server, 'Casey Evans', 'coordinator');
  await a.goto(base() + '/');
  await waitForServiceWorkerControl(a);
  enrolmentA = await enrolThroughUi(a, base(), code, 'Library tablet A');

  await openNewAssessmentForm(a, base());
  await a.getByLabel(nm('new.ref.label'), { exact: true }).fill(REF);
  await a.getByLabel(nm('new.programme.label'), { exact: true }).fill(PROGRAMME);
  await a.getByLabel(nm('new.venueName.label'), { exact: true }).fill(VENUE_NAME);
  await agreeToTakePart(a);
  await group(a, nm('new.venue.legend'))
    .getByText(nm('new.venue.library'), { exact: true })
    .click();
  await a.getByLabel(nm('new.date.label'), { exact: true }).fill(FIRST_DATE);
  await a.getByRole('button', { name: nm('new.submit'), exact: true }).click();
  const firstId = await answerAndFinish(a, FIRST);

  await openNewAssessmentForm(a, base());
  await a.getByLabel(nm('new.ref.label'), { exact: true }).fill(OTHER_REF);
  await agreeToTakePart(a);
  await group(a, nm('new.venue.legend'))
    .getByText(nm('new.venue.library'), { exact: true })
    .click();
  await a.getByRole('button', { name: nm('new.submit'), exact: true }).click();
  await answerAndFinish(a, FIRST);

  await waitForIndicator(a, t('sync.indicator.allSent'));
  const received = await receivedByServer(base(), enrolmentA.token);
  assert.deepEqual(received.map((r) => r.residentRef).sort(), [REF, OTHER_REF]);
  // What A kept is what was chosen here.
  const first = (await assessmentsOf(a)).find((x) => x.id === firstId);
  assert.ok(first);
  for (const facet of ['basics', 'blockers', 'skill', 'interest'] as const) {
    for (const [id, value] of Object.entries(FIRST[facet])) {
      assert.equal(first.answers[facet][id], value, `${facet} ${id}`);
    }
  }
  assert.equal(first.programme, PROGRAMME);
  assert.equal(first.venueName, VENUE_NAME);
});

let revisitId: string;

test("device B starts a revisit for LIB-0042: that resident's earlier visit comes from the server", async () => {
  const code = await createEnrolmentCode(base(), enrolmentA.token, 'Sam Jones', 'outreach-worker');
  await b.goto(base() + '/');
  await waitForServiceWorkerControl(b);
  await enrolThroughUi(b, base(), code, 'Library tablet B');
  askedByB.length = 0;

  await openAt(b, base() + `/new?ref=${REF}&language=en`);
  await h1(b, nm('new.title')).waitFor();
  const found = nm('new.history.found', {
    count: 1,
    who: REF,
    date: formatIsoDate(FIRST_DATE, 'en'),
  });
  assert.equal(found, 'The server has 1 earlier visit of LIB-0042, on 1 October 2026.');
  await b.getByRole('status').getByText(found, { exact: true }).waitFor();
  await b.getByText(nm('new.history.prefilled'), { exact: true }).waitFor();
  // The latest visit's tags carried over; never its answers.
  assert.equal(
    await b.getByLabel(nm('new.programme.label'), { exact: true }).inputValue(),
    PROGRAMME,
  );
  assert.equal(
    await b.getByLabel(nm('new.venueName.label'), { exact: true }).inputValue(),
    VENUE_NAME,
  );
  assert.deepEqual(
    askedByB.filter((p) => p.startsWith('/api/residents')),
    ['/api/residents/LIB-0042/assessments'],
  );
  await scanInBothLanguages(b, 'revisit with earlier visits found', welsh.n('new.title'));

  // Kept apart, read-only, and only that resident: nothing of LIB-0099 is on B.
  const stored = await everythingStored(b);
  assert.deepEqual(
    (stored['history'] ?? []).map((row) => (row as { residentRef: string }).residentRef),
    [REF],
  );
  assert.deepEqual(stored['assessments'], []);
  assert.deepEqual(stored['outbox'], []);
  assert.equal(JSON.stringify(stored).includes(OTHER_REF), false, 'B holds nothing of LIB-0099');
});

test('without a connection, B says plainly the earlier visits could not be fetched and goes on', async () => {
  await contextB.setOffline(true);
  await b.getByRole('button', { name: nm('new.history.lookUp'), exact: true }).click();
  const offline = nm('new.history.offline', { who: REF });
  await b.getByRole('status').getByText(offline, { exact: true }).waitFor();
  await scanInBothLanguages(b, 'revisit offline', welsh.n('new.title'));
  await contextB.setOffline(false);
});

test('B completes the revisit and its progress screen shows the figures worked out by hand', async () => {
  await agreeToTakePart(b);
  await group(b, nm('new.venue.legend'))
    .getByText(nm('new.venue.library'), { exact: true })
    .click();
  await b.getByRole('button', { name: nm('new.submit'), exact: true }).click();
  revisitId = await answerAndFinish(b, SECOND);
  const [made] = await assessmentsOf(b);
  assert.equal(made?.programme, PROGRAMME);
  assert.equal(made?.venueName, VENUE_NAME);

  await openAt(b, base() + `/assessments/${revisitId}/progress`);
  await h1(b, pm('title')).waitFor();
  await b
    .getByText(pm('from.server', { date: formatIsoDate(FIRST_DATE, 'en') }), { exact: true })
    .waitFor();

  const expected = progressBetween(
    { ...emptyAnswers(), ...FIRST },
    { ...emptyAnswers(), ...SECOND },
    bankV1,
    scaleV1,
  );
  const gainText = (s: PairedGain) =>
    s.gain === null
      ? pm('gain.none')
      : s.gain > 0
        ? pm('gain.up', { points: s.gain })
        : s.gain < 0
          ? pm('gain.down', { points: -s.gain })
          : pm('gain.same');
  const basisKey = { basics: 'basis.basics', blockers: 'basis.blockers', skill: 'basis.skills' };
  const shown = async (facet: string) => {
    const cells = b.locator(`tr[data-section="${facet}"] td`);
    return { gain: await cells.nth(0).innerText(), basis: await cells.nth(1).innerText() };
  };
  for (const facet of ['basics', 'blockers', 'skill'] as const) {
    const s = expected.sections[facet];
    assert.deepEqual(
      await shown(facet),
      {
        gain: gainText(s),
        basis: pm(basisKey[facet] as ProgressKey, { answered: s.paired, count: s.total }),
      },
      facet,
    );
  }
  // By hand. Skills: GS01 +2, GS02 +2, GS03 −2, GS04 0 over 4 paired: 100 × 2 / 16 = 12.5 → 13.
  assert.deepEqual(await shown('skill'), {
    gain: 'Up 13 points',
    basis: '4 of 48 skills answered both times',
  });
  // Basics: B1 +2, B2 0 over 2: 100 × 2 / 8 = 25. Blockers: K1 +2, K2 −1: 100 × 1 / 8 → 13.
  assert.equal((await shown('basics')).gain, 'Up 25 points');
  assert.equal((await shown('blockers')).gain, 'Up 13 points');

  // Now independent: GS01 (1 → 3) and GS02 (2 → 4).
  assert.deepEqual(expected.nowIndependent, ['GS01', 'GS02']);
  // Each count comes first in its item, with the skills under it.
  const glance = await b.locator('.progress-counts > li').allInnerTexts();
  const firstLines = glance.map((text) => text.split('\n')[0]?.trim());
  assert.ok(firstLines.includes(pm('independent', { count: 2 })), firstLines.join(' | '));
  assert.equal(pm('independent', { count: 2 }), '2 skills now done without help');
  // Up: B1, K1, GS01, GS02 = 4. Same: B2, GS04 = 2. Down: K2, GS03 = 2 (interest apart).
  const counts = (k: 'improved' | 'unchanged' | 'declined') =>
    (['basics', 'blockers', 'skill'] as const).reduce((n, f) => n + expected.sections[f][k], 0);
  assert.deepEqual([counts('improved'), counts('unchanged'), counts('declined')], [4, 2, 2]);
  await b
    .getByText(pm('items', { improved: 4, unchanged: 2, declined: 2 }), { exact: true })
    .waitFor();

  await scanInBothLanguages(
    b,
    'progress since a visit from the server',
    format('cy', progressMessages.cy.title),
  );
});
