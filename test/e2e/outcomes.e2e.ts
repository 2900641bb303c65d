/**
 * Outcomes, baselines and the organisation's directory, end to end in Chromium against the real
 * server: a finished assessment is sent, an outcome recorded afterwards goes as a higher revision
 * that the server keeps, the results screen compares with baselines, and the printable plan lists
 * the organisation's own services (set by a coordinator) on at most two A4 pages. Each screen is
 * scanned with axe in English and Welsh.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assessmentSchema,
  type Assessment,
  BUILT_IN_OUTCOME_LABELS,
} from '../../src/domain/index.ts';
import {
  organisationSettingsSchema,
  residentHistoryResponseSchema,
  type OrganisationSettings,
} from '../../src/shared/council-api.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import type { Enrolment } from '../../src/storage/settings-store.ts';
import { format, type UiLocale } from '../../src/ui/i18n/i18n.ts';
import { resultsMessages, type ResultsKey } from '../../src/ui/screens/results.messages.ts';
import { english, h1, welsh } from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { PIN, issueCode, openAt } from './support/gate.ts';
import {
  enrolThroughUi,
  eventually,
  makeFinishedAssessment,
  readStore,
  receiptsOf,
  seedFinished,
  apiOk,
} from './support/sync.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let enrolment: Enrolment;

const m = (locale: UiLocale, key: ResultsKey, params?: Record<string, string | number>) =>
  format(locale, resultsMessages[locale][key], params);

const settings: OrganisationSettings = {
  minGroup: 5,
  outcomeTypes: [
    {
      id: 'council-tax-online',
      label: { en: 'Pays council tax online', cy: 'Yn talu treth y cyngor ar-lein' },
    },
  ],
  directory: [
    {
      id: 'device-bank',
      signposts: ['device', 'data-cost'],
      name: { en: 'Newport Device Bank', cy: 'Banc Dyfeisiau Casnewydd' },
      description: {
        en: 'Free tablets and laptops on loan for three months, with a SIM card.',
        cy: 'Tabledi a gliniaduron am ddim ar fenthyg am dri mis, gyda cherdyn SIM.',
      },
      contact: '01633 000000, Monday to Friday 9am to 5pm',
      url: 'https://example.org/device-bank',
    },
    {
      id: 'library-help',
      signposts: ['skills', 'place', 'motivation', 'access-needs', 'connectivity'],
      name: { en: 'Central Library digital help', cy: 'Help digidol y Llyfrgell Ganolog' },
      description: {
        en: 'Drop-in help with phones, tablets and computers every Tuesday morning.',
        cy: 'Help galw heibio gyda ffonau, tabledi a chyfrifiaduron bob bore Mawrth.',
      },
    },
  ],
  // Last, in the schema's order: the test compares the stored settings as JSON text.
  healthQuestion: 'optional',
  retentionDays: 730,
  lockMinutes: 20,
};

/** A full set with no device at home (B1 = 0), so the plan has a need the directory meets. */
function finishedAssessment(n: number, language: UiLocale): Assessment {
  const base = makeFinishedAssessment(n, 'OUT', Date.now());
  return assessmentSchema.parse({
    ...base,
    language,
    answers: { ...base.answers, basics: { ...base.answers.basics, B1: 0 } },
  });
}

const first = finishedAssessment(1, 'en');
const inWelsh = finishedAssessment(2, 'cy');

const call = (path: string, init: Parameters<typeof apiOk>[3] = {}) =>
  apiOk(server.url, enrolment.token, path, init);

/** What the server holds for this assessment, through the API a device reads a history with. */
async function heldByServer(assessment: Assessment): Promise<Assessment | undefined> {
  const ref = encodeURIComponent(assessment.residentRef ?? '');
  const body = residentHistoryResponseSchema.parse(
    await (await call(`/api/residents/${ref}/assessments`)).json(),
  );
  return body.assessments.find((a) => a.id === assessment.id);
}

async function received(id: string, revision: number) {
  await eventually(
    async () => (await receiptsOf(page)).some((r) => r.id === id && r.revision >= revision),
    `a receipt for ${id} revision ${revision}`,
  );
}

function outcomesSection(locale: UiLocale) {
  return page.locator('section', {
    has: page.getByRole('heading', { name: m(locale, 'outcomes.title'), exact: true }),
  });
}

before(async () => {
  server = await startServer({ staticDir: DIST_E2E });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-GB' });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the device fetches the settings a coordinator set and sends a finished assessment', async () => {
  // A coordinator who assesses too: the settings, histories and the CSV are asked with their
  // token.
  const code = await issueCode(server, 'Casey Evans', 'coordinator');
  enrolment = await enrolThroughUi(page, server.url, code, 'Outreach tablet');

  const put = await call('/api/settings', { method: 'PUT', body: settings });
  assert.deepEqual(organisationSettingsSchema.parse(await put.json()), settings);

  // Two finished assessments, as finishing leaves them: stored and queued. The app sends them
  // by itself when it starts.
  await seedFinished(page, [first, inWelsh]);
  await openAt(page, server.url + '/sync');
  await received(first.id, first.revision);
  await received(inWelsh.id, inWelsh.revision);
  // A pass that reached the server also brought the organisation's settings to the device.
  await eventually(
    async () =>
      ((await readStore(page, 'settings')) as { key: string; value?: unknown }[]).find(
        (row) =>
          row.key === 'organisation' && JSON.stringify(row.value) === JSON.stringify(settings),
      ),
    "the organisation's settings on the device",
  );
  assert.equal((await heldByServer(first))?.revision, first.revision);
});

test('an outcome recorded afterwards waits, then reaches the server as a higher revision', async () => {
  await openAt(page, `${server.url}/assessments/${first.id}/results`);
  const section = outcomesSection('en');
  await section.waitFor();
  await section.getByText(m('en', 'outcomes.none'), { exact: true }).waitFor();

  // No connection: it is kept and shown as waiting to send again.
  await context.setOffline(true);
  await section.getByLabel(BUILT_IN_OUTCOME_LABELS['banks-online'].en, { exact: true }).check();
  await section.getByLabel(m('en', 'outcomes.date.label'), { exact: true }).fill('2026-03-05');
  await section.getByRole('button', { name: m('en', 'outcomes.add'), exact: true }).click();
  const item = m('en', 'outcomes.item', {
    outcome: BUILT_IN_OUTCOME_LABELS['banks-online'].en,
    date: '5 March 2026',
  });
  await section.getByRole('listitem').filter({ hasText: item }).waitFor();
  await section.locator('[data-status="waiting"]').waitFor();

  // The organisation's own kind is offered too.
  await section.getByLabel('Pays council tax online', { exact: true }).waitFor();

  // The connection returns: the app sends the new revision by itself.
  await context.setOffline(false);
  await received(first.id, first.revision + 1);
  await section.locator('[data-status="received"]').waitFor();
  const held = await eventually(async () => {
    const a = await heldByServer(first);
    return a && a.revision === first.revision + 1 ? a : null;
  }, 'the server to hold the higher revision');
  assert.deepEqual(held.outcomes, [{ type: 'banks-online', date: '2026-03-05' }]);
  assert.deepEqual(held.answers, first.answers);

  // The coordinator's CSV has it too.
  const csv = await (await call('/api/assessments.csv')).text();
  const row = csv.split('\n').find((line) => line.includes(first.id));
  assert.ok(row?.includes('banks-online'), `CSV row: ${row}`);
});

test('the results screen compares with baselines and passes axe in English and Welsh', async () => {
  for (const texts of [english, welsh]) {
    const locale = texts.locale;
    await page.evaluate((l) => localStorage.setItem('doorstep.language', l), locale);
    await openAt(page, `${server.url}/assessments/${first.id}/results`, PIN, texts);
    await h1(page, texts.t('results.title')).waitFor();
    const compare = page.locator('section', {
      has: page.getByRole('heading', { name: m(locale, 'compare.title'), exact: true }),
    });
    const [before, afterName] = String(resultsMessages[locale]['compare.closest']).split('{name}');
    const closest = await compare.locator('.compare-closest strong').innerText();
    assert.ok(
      closest.startsWith(before ?? '') && closest.endsWith(afterName ?? ''),
      `closest match worded as "${closest}"`,
    );
    await compare
      .getByText(m(locale, 'compare.provenance.illustrative'), { exact: true })
      .first()
      .waitFor();
    await compare.getByRole('table').waitFor();
    await outcomesSection(locale).getByRole('listitem').first().waitFor();
    await assertNoAxeViolations(page, `results with outcomes and comparison (${locale})`);
  }
});

test("the plan lists the organisation's services, prints on at most two A4 pages, passes axe", async () => {
  for (const [texts, assessment, service] of [
    [english, first, 'Newport Device Bank'],
    [welsh, inWelsh, 'Banc Dyfeisiau Casnewydd'],
  ] as const) {
    await page.evaluate((l) => localStorage.setItem('doorstep.language', l), texts.locale);
    await openAt(page, `${server.url}/assessments/${assessment.id}/plan`, PIN, texts);
    const entry = page.locator('li[data-service="device-bank"]');
    await entry.getByText(service, { exact: true }).waitFor();
    await entry.getByRole('link', { name: 'https://example.org/device-bank' }).waitFor();
    await assertNoAxeViolations(page, `plan with the organisation's directory (${texts.locale})`);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `the plan printed on ${pages} A4 pages`);
  }
});
