/**
 * The coordinator's online screens end to end in Chromium against the real server: a small
 * programme cohort pushed through the API, its dashboard figures against numbers worked by hand
 * (gain suppressed at the threshold of 5, shown once the organisation lowers it to 2), baselines
 * imported from a bad file (every problem listed, nothing changed) and a good one, one made from
 * the programme. Every screen and state is scanned with axe in English and Welsh, and the
 * dashboard's choices are reached and used from the keyboard.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  emptyAnswers,
  type Assessment,
  type Score,
  BUILT_IN_OUTCOME_LABELS,
} from '../../src/domain/index.ts';
import type { PushRecord } from '../../src/shared/protocol.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import type { Enrolment } from '../../src/storage/settings-store.ts';
import { format, type UiLocale } from '../../src/ui/i18n/i18n.ts';
import { baselinesMessages, type BaselinesKey } from '../../src/ui/screens/baselines.messages.ts';
import { dashboardMessages, type DashboardKey } from '../../src/ui/screens/dashboard.messages.ts';
import {
  organisationMessages,
  type OrganisationKey,
} from '../../src/ui/screens/organisation.messages.ts';
import { english, h1, welsh } from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { issueCode, openAt } from './support/gate.ts';
import { api, enrolThroughUi, makeFinishedAssessment } from './support/sync.ts';

type Params = Record<string, string | number>;
const dm = (locale: UiLocale, key: DashboardKey, params?: Params) =>
  format(locale, dashboardMessages[locale][key], params);
const bm = (locale: UiLocale, key: BaselinesKey, params?: Params) =>
  format(locale, baselinesMessages[locale][key], params);
const om = (locale: UiLocale, key: OrganisationKey, params?: Params) =>
  format(locale, organisationMessages[locale][key], params);

const PROGRAMME = 'Spring digital';

/**
 * Six residents in the programme, R3 and R4 seen twice, Basics B1–B3 all at one score. Latest
 * Basics: 100, 50, 50, 100, 25, 75: mean 400 / 6 = 66.7, median (50 + 75) / 2 = 62.5, n 6.
 * Gain: R3 0 → 50 and R4 50 → 100, +50 each: mean +50, median +50, n 2. Eight assessments.
 * One more resident in another programme, left out when the programme is chosen.
 */
const VISITS: readonly [ref: string, date: string, basics: Score, programme: string][] = [
  ['R1', '2026-01-10', 4, PROGRAMME],
  ['R2', '2026-01-11', 2, PROGRAMME],
  ['R3', '2026-01-12', 0, PROGRAMME],
  ['R3', '2026-03-12', 2, PROGRAMME],
  ['R4', '2026-01-13', 2, PROGRAMME],
  ['R4', '2026-03-13', 4, PROGRAMME],
  ['R5', '2026-01-14', 1, PROGRAMME],
  ['R6', '2026-01-15', 3, PROGRAMME],
  ['X1', '2026-01-16', 0, 'Autumn'],
];

function visit([ref, date, score, programme]: (typeof VISITS)[number], n: number): Assessment {
  const base = makeFinishedAssessment(n + 1, 'DASH', Date.now());
  const answers = emptyAnswers();
  for (const id of ['B1', 'B2', 'B3']) answers.basics[id] = score;
  return {
    ...base,
    residentRef: ref,
    date,
    programme,
    venueName: 'Central Library',
    answers,
    ...(ref === 'R1' ? { outcomes: [{ type: 'banks-online', date: '2026-02-01' }] } : {}),
  };
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let enrolment: Enrolment;

before(async () => {
  server = await startServer({ staticDir: DIST_E2E });
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const row = (table: string, section: string) =>
  page.locator(`tr[data-table="${table}"][data-section="${section}"] td`);
const figure = (name: string) => page.locator(`[data-figure="${name}"]`);

async function showProgramme(locale: UiLocale) {
  await page.getByLabel(dm(locale, 'filter.programme'), { exact: true }).selectOption(PROGRAMME);
  await page.getByRole('button', { name: dm(locale, 'filter.show'), exact: true }).click();
}

test('a coordinator device and a programme cohort on the server', async () => {
  // The administrator's code from the first start gives the coordinator theirs.
  const coordinatorCode = await issueCode(server, 'Casey Evans', 'coordinator');
  enrolment = await enrolThroughUi(page, server.url, coordinatorCode, 'Office laptop');
  assert.equal(enrolment.person.role, 'coordinator');

  const records: PushRecord[] = VISITS.map(visit).map((a) => ({
    id: a.id,
    revision: a.revision,
    assessment: a,
  }));
  const pushed = await api(server.url, enrolment.token, '/api/push', {
    method: 'POST',
    body: { records },
  });
  assert.equal(pushed.status, 200, await pushed.clone().text());
});

test('the dashboard shows the hand-worked figures and suppresses the gain of 2 residents', async () => {
  await page.getByRole('link', { name: english.t('nav.dashboard'), exact: true }).click();
  await h1(page, dm('en', 'title')).waitFor();
  await assertNoAxeViolations(page, 'dashboard, all programmes');
  await showProgramme('en');
  await figure('residents').filter({ hasText: /^6$/ }).waitFor();
  assert.equal(await figure('assessments').textContent(), '8');
  const suppressed = dm('en', 'suppressed', { min: 5 });
  assert.equal(await figure('revisited').textContent(), suppressed);
  assert.deepEqual(await row('profile', 'basics').allTextContents(), [
    'Basics',
    '66.7',
    '62.5',
    '6',
  ]);
  assert.deepEqual(await row('gain', 'basics').allTextContents(), ['Basics', suppressed]);
  // Nothing shows the value behind a suppressed figure.
  assert.equal(await page.getByText('+50', { exact: false }).count(), 0);
  // R1's outcome, counted in its quarter.
  assert.deepEqual(await page.locator('tr[data-outcome="banks-online"] td').allTextContents(), [
    '2026-Q1',
    BUILT_IN_OUTCOME_LABELS['banks-online'].en,
    '1',
  ]);
  // The first baseline offered is a shipped persona, its provenance beside the comparison.
  const provenance = await page.locator('[data-provenance="illustrative"]').textContent();
  assert.ok(
    provenance?.startsWith(
      dm('en', 'compare.source', {
        provenance: dm('en', 'provenance.illustrative'),
        source: 'Illustrative example, not official data',
      }),
    ),
    provenance ?? 'no provenance shown',
  );
  await assertNoAxeViolations(page, 'dashboard, a programme with suppressed figures');
});

test('the dashboard choices work from the keyboard', async () => {
  await openAt(page, server.url + '/dashboard');
  await h1(page, dm('en', 'title')).waitFor();
  const reached: string[] = [];
  // Up to the form's own button: the header's language switch is a button too, and comes first.
  const show = dm('en', 'filter.show');
  for (let i = 0; i < 40 && !reached.includes('show'); i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate((label) => {
      const el = document.activeElement;
      return el?.tagName === 'BUTTON' && el.textContent === label ? 'show' : (el?.id ?? '');
    }, show);
    if (id) reached.push(id);
  }
  for (const id of ['dashboard-programme', 'dashboard-venue', 'dashboard-from', 'dashboard-to']) {
    assert.ok(reached.includes(id), `${id} is reached with Tab (reached: ${reached.join(', ')})`);
  }
  // Choose with the arrow keys, then Tab on to the button and press Enter.
  await page.focus('#dashboard-programme');
  for (let i = 0; i < 6; i++) {
    if ((await page.inputValue('#dashboard-programme')) === PROGRAMME) break;
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.inputValue('#dashboard-programme'), PROGRAMME);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() =>
      document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent : null,
    );
    if (name === dm('en', 'filter.show')) break;
  }
  await page.keyboard.press('Enter');
  await figure('residents').filter({ hasText: /^6$/ }).waitFor();
});

test('the threshold set to 2 in the settings shows the gain', async () => {
  await page.getByRole('link', { name: english.t('nav.organisation'), exact: true }).click();
  await h1(page, om('en', 'title')).waitFor();
  await assertNoAxeViolations(page, 'organisation settings');
  const threshold = page.getByLabel(om('en', 'threshold.label'), { exact: true });
  await threshold.fill('1');
  await page.getByRole('button', { name: om('en', 'threshold.save'), exact: true }).click();
  await page.getByRole('link', { name: om('en', 'threshold.invalid'), exact: true }).waitFor();
  await assertNoAxeViolations(page, 'organisation settings, an invalid threshold');
  await threshold.fill('2');
  await page.getByRole('button', { name: om('en', 'threshold.save'), exact: true }).click();
  await page.getByText(om('en', 'saved'), { exact: true }).waitFor();

  const retention = page.getByLabel(om('en', 'privacy.retention'), { exact: true });
  assert.equal(await retention.inputValue(), '730');
  await retention.fill('10');
  await page.getByRole('button', { name: om('en', 'privacy.save'), exact: true }).click();
  const invalidRetention = page.getByRole('link', {
    name: om('en', 'privacy.retentionInvalid'),
    exact: true,
  });
  await invalidRetention.waitFor();
  await assertNoAxeViolations(page, 'organisation settings, an invalid retention period');
  await page.getByLabel(om('en', 'privacy.health.separate-consent'), { exact: true }).check();
  await retention.fill('365');
  await page.getByRole('button', { name: om('en', 'privacy.save'), exact: true }).click();
  // The summary goes once the server has stored both.
  await invalidRetention.waitFor({ state: 'detached' });
  assert.equal(await page.locator('[aria-labelledby="privacy-title"] .error-summary').count(), 0);

  await page.getByRole('button', { name: om('en', 'directory.start'), exact: true }).click();
  await page.getByRole('button', { name: om('en', 'service.save'), exact: true }).click();
  await page.getByRole('link', { name: om('en', 'service.needsMissing'), exact: true }).waitFor();
  await assertNoAxeViolations(page, 'organisation settings, a service with problems');

  await page.getByRole('link', { name: english.t('nav.dashboard'), exact: true }).click();
  await h1(page, dm('en', 'title')).waitFor();
  await showProgramme('en');
  await row('gain', 'basics').nth(3).waitFor();
  assert.deepEqual(await row('gain', 'basics').allTextContents(), [
    'Basics',
    '+50 points',
    '+50 points',
    '2',
  ]);
  assert.equal(await figure('revisited').textContent(), '2');
});

const BAD_CSV = [
  'baseline_id,name_en,name_cy,source,facet,item,value',
  'library-2025,Library users 2025,Defnyddwyr llyfrgell 2025,Council survey 2025,skill,GS01,7',
  'library-2025,Library users 2025,Defnyddwyr llyfrgell 2025,Council survey 2025,skill,XX99,2',
  'library-2025,Library users 2025,Defnyddwyr llyfrgell 2025,Council survey 2025,skill,GS02,2',
].join('\n');

const GOOD_CSV = [
  'baseline_id,name_en,name_cy,source,facet,item,value',
  'library-2025,Library users 2025,Defnyddwyr llyfrgell 2025,Council survey 2025,skill,GS01,2.5',
  'library-2025,Library users 2025,Defnyddwyr llyfrgell 2025,Council survey 2025,skill,GS02,1.5',
].join('\n');

async function importFile(name: string, content: string) {
  await page.getByLabel(bm('en', 'import.file'), { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content),
  });
  await page.getByRole('button', { name: bm('en', 'import.submit'), exact: true }).click();
}

test('a bad baseline file lists every problem and changes nothing; a good one is listed', async () => {
  await page.getByRole('link', { name: english.t('nav.baselines'), exact: true }).click();
  await h1(page, bm('en', 'title')).waitFor();
  await assertNoAxeViolations(page, 'baselines');
  const rowsBefore = await page.locator('tr[data-baseline]').count();

  // What the server finds in the file, asked directly: the screen must list all of it.
  const direct = await api(server.url, enrolment.token, '/api/baselines', {
    method: 'POST',
    body: { format: 'csv', content: BAD_CSV },
  });
  assert.equal(direct.status, 400);
  const problems = ((await direct.json()) as { error: { problems: string[] } }).error.problems;
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems.join('\n'), /row 2: .*"7"/);
  assert.match(problems.join('\n'), /row 3: .*XX99/);

  await importFile('bad.csv', BAD_CSV);
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.deepEqual(await summary.locator('li').allTextContents(), problems);
  assert.equal(await page.locator('tr[data-baseline]').count(), rowsBefore);
  await assertNoAxeViolations(page, 'baselines, a refused file');

  await importFile('good.csv', GOOD_CSV);
  await page.locator('tr[data-baseline="library-2025"]').waitFor();
  assert.deepEqual(await page.locator('tr[data-baseline="library-2025"] td').allTextContents(), [
    'Library users 2025',
    bm('en', 'provenance.imported'),
    'Council survey 2025',
    bm('en', 'delete', { name: 'Library users 2025' }),
  ]);
  assert.equal(await page.locator('.error-summary').count(), 0);

  await page.getByLabel(bm('en', 'cohort.programme'), { exact: true }).selectOption(PROGRAMME);
  await page.getByLabel(bm('en', 'cohort.nameEn'), { exact: true }).fill('Spring first visits');
  await page.getByLabel(bm('en', 'cohort.nameCy'), { exact: true }).fill('Ymweliadau cyntaf');
  await page.getByRole('button', { name: bm('en', 'cohort.submit'), exact: true }).click();
  await page.getByText(bm('en', 'cohort.done', { name: 'Spring first visits' })).waitFor();
  await page
    .locator('tr[data-baseline]', { hasText: 'Spring first visits' })
    .getByText(bm('en', 'provenance.local-cohort'), { exact: true })
    .waitFor();
  await assertNoAxeViolations(page, 'baselines, imported and made');

  await page
    .getByRole('button', { name: bm('en', 'delete', { name: 'Library users 2025' }) })
    .click();
  await page.getByText(bm('en', 'deleted', { name: 'Library users 2025' })).waitFor();
  await page.locator('tr[data-baseline="library-2025"]').waitFor({ state: 'detached' });
});

test('in Welsh, every new screen and state passes axe', async () => {
  await page.getByRole('button', { name: english.t('app.language.other'), exact: true }).click();
  await page.getByRole('link', { name: welsh.t('nav.dashboard'), exact: true }).click();
  await h1(page, dm('cy', 'title')).waitFor();
  await showProgramme('cy');
  await figure('residents').filter({ hasText: /^6$/ }).waitFor();
  await assertNoAxeViolations(page, 'dashboard in Welsh');

  await page.getByRole('link', { name: welsh.t('nav.baselines'), exact: true }).click();
  await h1(page, bm('cy', 'title')).waitFor();
  await page.getByLabel(bm('cy', 'import.file'), { exact: true }).setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(BAD_CSV),
  });
  await page.getByRole('button', { name: bm('cy', 'import.submit'), exact: true }).click();
  await page.locator('.error-summary li').nth(1).waitFor();
  await assertNoAxeViolations(page, 'baselines in Welsh, a refused file');

  await page.getByRole('link', { name: welsh.t('nav.organisation'), exact: true }).click();
  await h1(page, om('cy', 'title')).waitFor();
  await page.getByRole('button', { name: om('cy', 'directory.start'), exact: true }).click();
  await page.getByRole('button', { name: om('cy', 'service.save'), exact: true }).click();
  await page.getByRole('link', { name: om('cy', 'service.needsMissing'), exact: true }).waitFor();
  await assertNoAxeViolations(page, 'organisation settings in Welsh, a service with problems');
});
