/**
 * The privacy notice and the health question, end to end in Chromium against the real server: a
 * coordinator sets the organisation to ask a separate consent before the health, disability or
 * language question; the device shows the notice in English and Welsh with the organisation's
 * retention period; a worker records the resident's agreement and their "no" with the keyboard
 * alone; the question is then not asked, the stored assessment says so, and the coordinator's CSV
 * has the mode once the assessment is sent. The notice and the consent question are scanned with
 * axe in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bankV1, interviewSteps } from '../../src/domain/index.ts';
import { organisationSettingsSchema } from '../../src/shared/council-api.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import type { Enrolment } from '../../src/storage/settings-store.ts';
import { format, type UiLocale } from '../../src/ui/i18n/i18n.ts';
import { interviewMessages, type InterviewKey } from '../../src/ui/screens/interview.messages.ts';
import { newMessages, type NewKey } from '../../src/ui/screens/new.messages.ts';
import { parseCsv } from '../server/support/csv.ts';
import {
  agreeLabel,
  english,
  finish,
  h1,
  stepOf,
  waitForStep,
  welsh,
  type Texts,
} from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { PIN, issueCode, openAt, reloadAndUnlock } from './support/gate.ts';
import {
  assessmentsOf,
  enrolThroughUi,
  eventually,
  readStore,
  receiptsOf,
  apiOk,
} from './support/sync.ts';

const RETENTION_DAYS = 400;

let server: RunningServer;
let browser: Browser;
let page: Page;
let enrolment: Enrolment;
let assessmentId: string;

const nm = (locale: UiLocale, key: NewKey, params?: Record<string, string | number>) =>
  format(locale, newMessages[locale][key], params);
const im = (locale: UiLocale, key: InterviewKey) => format(locale, interviewMessages[locale][key]);

const call = (path: string, init: Parameters<typeof apiOk>[3] = {}) =>
  apiOk(server.url, enrolment.token, path, init);

async function useLanguage(texts: Texts) {
  await page.evaluate((l) => localStorage.setItem('doorstep.language', l), texts.locale);
}

/** What has focus: its type, the text of its label and, for a radio, its group's legend. */
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: el?.getAttribute('type') ?? '',
      text: (el?.textContent ?? '').trim(),
      label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
      legend: el?.closest('fieldset')?.querySelector('legend')?.textContent ?? '',
    };
  });
}

type Focus = Awaited<ReturnType<typeof focused>>;

/** Press Tab until `wanted` has focus. */
async function tabTo(what: string, wanted: (f: Focus) => boolean) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (wanted(await focused())) return;
  }
  assert.fail(`${what} was not reached with the Tab key`);
}

const consentGroup = (locale: UiLocale) =>
  page.getByRole('group', { name: im(locale, 'health.consent.legend'), exact: true });
const healthGroup = (texts: Texts) =>
  page.getByRole('group', { name: texts.itemText('K5'), exact: true });

before(async () => {
  server = await startServer({ staticDir: DIST_E2E });
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the device keeps the organisation's health question mode and retention a coordinator set", async () => {
  // A coordinator, who also assesses: the settings and the CSV are asked with their token.
  const code = await issueCode(server, 'Casey Evans', 'coordinator');
  enrolment = await enrolThroughUi(page, server.url, code, 'Library tablet');

  const current = organisationSettingsSchema.parse(await (await call('/api/settings')).json());
  const wanted = {
    ...current,
    healthQuestion: 'separate-consent' as const,
    retentionDays: RETENTION_DAYS,
  };
  const put = await call('/api/settings', { method: 'PUT', body: wanted });
  assert.deepEqual(organisationSettingsSchema.parse(await put.json()), wanted);

  // A sending pass after unlocking that reaches the server brings the settings to the device.
  await eventually(async () => {
    await reloadAndUnlock(page);
    const rows = (await readStore(page, 'settings')) as { key: string; value?: unknown }[];
    const kept = rows.find((row) => row.key === 'organisation')?.value;
    return JSON.stringify(kept) === JSON.stringify(wanted);
  }, "the organisation's settings on the device");
});

test('the privacy notice is shown in English and Welsh, with the retention period, and passes axe', async () => {
  for (const texts of [english, welsh]) {
    const locale = texts.locale;
    await useLanguage(texts);
    await openAt(page, server.url + '/new', PIN, texts);
    await h1(page, texts.n('new.title')).waitFor();
    const notice = page.getByRole('region', { name: nm(locale, 'new.notice.title') });
    await notice.waitFor();
    for (const text of [
      nm(locale, 'new.notice.who', { organisation: enrolment.organisation.name }),
      nm(locale, 'new.notice.what'),
      nm(locale, 'new.notice.skip'),
      nm(locale, 'new.notice.kept', { days: RETENTION_DAYS }),
      nm(locale, 'new.notice.rights'),
    ]) {
      await notice.getByText(text, { exact: true }).waitFor();
    }
    await page.getByLabel(agreeLabel(texts), { exact: true }).waitFor();
    await assertNoAxeViolations(page, `privacy notice (${locale})`);

    // Without the resident's agreement nothing starts.
    await page.getByRole('button', { name: texts.n('new.submit'), exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: texts.t('errors.summary') });
    await summary.getByRole('link', { name: nm(locale, 'new.agree.error'), exact: true }).waitFor();
    await assertNoAxeViolations(page, `privacy notice with the agreement missing (${locale})`);
  }
  assert.deepEqual(await assessmentsOf(page), []);
});

test('with the keyboard alone: agreement, then a "no" to the health question, which is not asked', async () => {
  const texts = english;
  const { n, iv } = texts;
  await useLanguage(texts);
  await openAt(page, server.url + '/new', PIN, texts);
  await h1(page, n('new.title')).waitFor();

  await tabTo('the agreement', (f) => f.type === 'checkbox' && f.label === agreeLabel(texts));
  await page.keyboard.press('Space');
  const venue = n('new.venue.legend');
  await tabTo('the venue', (f) => f.type === 'radio' && f.legend === venue);
  await page.keyboard.press('Space'); // the first option, library
  const set = n('new.set.legend');
  await tabTo('the set', (f) => f.type === 'radio' && f.legend === set);
  await page.keyboard.press('ArrowDown'); // the short set
  await tabTo('the start button', (f) => f.tag === 'button' && f.text === n('new.submit'));
  await page.keyboard.press('Enter');
  await waitForStep(page, 1, texts);
  assessmentId = stepOf(page).id;

  await tabTo('save and continue', (f) => f.tag === 'button' && f.text === iv('interview.next'));
  await page.keyboard.press('Enter');
  await h1(page, iv('interview.blockers.title')).waitFor();

  // The separate consent comes before the question, which is not shown until a yes.
  await consentGroup('en').waitFor();
  assert.equal(await healthGroup(texts).count(), 0);
  await assertNoAxeViolations(page, 'the consent question (en)');

  const legend = im('en', 'health.consent.legend');
  await tabTo('the consent question', (f) => f.type === 'radio' && f.legend === legend);
  await page.keyboard.press('ArrowDown'); // from "Yes" to "No", which chooses it
  assert.equal((await focused()).label, im('en', 'health.consent.no'));
  await page.getByText(im('en', 'health.consent.declined'), { exact: true }).waitFor();
  assert.equal(await healthGroup(texts).count(), 0);
  const kept = await eventually(async () => {
    const a = (await assessmentsOf(page)).find((x) => x.id === assessmentId);
    return a?.privacy?.healthConsent === false ? a : null;
  }, 'the "no" to be stored');
  assert.equal(kept.privacy?.healthQuestion, 'separate-consent');

  await tabTo('save and continue', (f) => f.tag === 'button' && f.text === iv('interview.next'));
  await page.keyboard.press('Enter');
  await waitForStep(page, 3, texts);
});

test('the consent question passes axe in Welsh too', async () => {
  await useLanguage(welsh);
  await openAt(page, `${server.url}/assessments/${assessmentId}/2`, PIN, welsh);
  await h1(page, welsh.iv('interview.blockers.title')).waitFor();
  const group = consentGroup('cy');
  await group.waitFor();
  await assertNoAxeViolations(page, 'the consent question, answered no (cy)');
  await group.getByLabel(im('cy', 'health.consent.yes'), { exact: true }).check();
  await healthGroup(welsh).waitFor();
  await assertNoAxeViolations(page, 'the consent question, answered yes (cy)');
  await group.getByLabel(im('cy', 'health.consent.no'), { exact: true }).check();
  await page.getByText(im('cy', 'health.consent.declined'), { exact: true }).waitFor();
  await useLanguage(english);
});

test('the finished assessment says the question was not asked, and the CSV has the mode', async () => {
  const last = interviewSteps(bankV1, 'short').length;
  await openAt(page, `${server.url}/assessments/${assessmentId}/${last}`);
  await h1(page, english.iv('interview.review.title')).waitFor();
  await finish(page, english);

  const [stored] = (await assessmentsOf(page)).filter((a) => a.id === assessmentId);
  assert.ok(stored, 'the assessment is on the device');
  assert.equal(stored.status, 'finished');
  assert.deepEqual(stored.privacy && { ...stored.privacy, agreedAt: 0 }, {
    agreedAt: 0,
    healthQuestion: 'separate-consent',
    healthConsent: false,
  });
  assert.equal(typeof stored.privacy?.agreedAt, 'number');
  // Not asked: no entry at all, not even "skipped".
  assert.equal('K5' in stored.answers.blockers, false);
  assert.equal(stored.answers.blockers['K1'], 'skipped');

  await eventually(
    async () => (await receiptsOf(page)).some((r) => r.id === assessmentId),
    'a receipt for the assessment',
  );
  const csv = await (await call('/api/assessments.csv')).text();
  const [header = [], ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const row = rows
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])))
    .find((r) => r['assessment_id'] === assessmentId);
  assert.ok(row, 'the assessment is in the CSV');
  assert.equal(row['health_question_mode'], 'separate-consent');
  assert.equal(row['health_consent'], 'no');
  assert.equal(row['K5'], '');
  assert.equal(row['privacy_agreed_at'], new Date(stored.privacy?.agreedAt ?? 0).toISOString());
});
