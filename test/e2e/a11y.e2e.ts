/**
 * Accessibility of every screen and state: axe-core against WCAG 2.2 AA, plus checks axe does not
 * make: radio targets at least 44 px tall (WCAG 2.5.8 asks for 24), every radio label bound to
 * its own radio, and no duplicate ids. The update banner is scanned in update.e2e.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  answer,
  answerSkill,
  finish,
  group,
  h1,
  nextStep,
  openNewAssessmentForm,
  english,
  startAssessment,
  waitForStep,
  welsh,
  type Texts,
} from './support/app.ts';
import { format } from '../../src/ui/i18n/i18n.ts';
import { newMessages } from '../../src/ui/screens/new.messages.ts';
import { planMessages } from '../../src/ui/screens/plan.messages.ts';
import { progressMessages } from '../../src/ui/screens/progress.messages.ts';
import { statements } from '../../src/ui/screens/statement.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { serve, type Served } from './support/server.ts';
import {
  enrolThroughUi,
  makeFinishedAssessment,
  seedFinished,
  syncRow,
  waitForIndicator,
} from './support/sync.ts';

const MIN_TARGET_PX = 44;

// Every screen and state, once in each language. The Welsh pass runs in a browser set to Welsh:
// the app starts in Welsh from that alone.
for (const texts of [english, welsh]) {
  describe(texts.locale === 'cy' ? 'in Welsh' : 'in English', () => {
    suite(texts);
  });
}

function suite(texts: Texts) {
  let server: Served;
  let browser: Browser;
  let page: Page;
  let finishedId: string;
  let inProgressId: string;
  let progressId: string;

  before(async () => {
    server = await serve(DIST_E2E);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: texts.locale === 'cy' ? 'cy-GB' : 'en-GB' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** axe, then the checks on radios and ids that axe leaves out. */
  async function check(state: string, { radios }: { radios: boolean }): Promise<void> {
    await assertNoAxeViolations(page, state);
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]'))
        seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    assert.deepEqual(duplicates, [], `${state}: duplicate ids`);
    if (!radios) return;
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLabelElement>('.radio label')].map((label) => {
        const box = label.getBoundingClientRect();
        const own = label.closest('.radio')?.querySelector('input[type="radio"]');
        return { text: label.textContent, height: box.height, bound: label.control === own };
      }),
    );
    assert.ok(labels.length > 0, `${state}: no radios found`);
    const small = labels.filter((l) => l.height < MIN_TARGET_PX);
    assert.deepEqual(small, [], `${state}: radio labels under ${MIN_TARGET_PX}px tall`);
    const unbound = labels.filter((l) => !l.bound);
    assert.deepEqual(unbound, [], `${state}: labels that do not select their own radio`);
  }

  test('home with no assessments', async () => {
    await page.goto(server.url + '/');
    await h1(page, texts.t('home.title')).waitFor();
    await page.getByText(texts.t('home.none'), { exact: true }).waitFor();
    await check('empty home', { radios: false });
  });

  test('new assessment form, empty and with errors', async () => {
    await openNewAssessmentForm(page, server.url, texts);
    await check('new assessment form', { radios: true });

    await page.getByLabel(texts.n('new.ref.label'), { exact: true }).fill('bad ref!');
    await page.getByRole('button', { name: texts.n('new.submit'), exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: texts.t('errors.summary') });
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
      format(texts.locale, newMessages[texts.locale]['new.agree.error']),
      texts.n('new.ref.error'),
      texts.n('new.venue.error'),
    ]);
    // The summary takes focus so that a screen reader announces it.
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true);
    await check('new assessment form with errors', { radios: true });

    // Consent to follow-up reveals the name and contact fields.
    await page
      .getByLabel(format(texts.locale, newMessages[texts.locale]['new.followUp.label']), {
        exact: true,
      })
      .check();
    await page.locator('#contactName').waitFor();
    await check('new assessment form with contact details', { radios: true });
  });

  test('interview steps: basics, blockers, a heading with answers, review', async () => {
    const id = await startAssessment(
      page,
      server.url,
      { residentRef: 'A11Y-1', venue: 'other' },
      texts,
    );
    await answer(page, 'basics', 'B1', 0, texts);
    await answer(page, 'basics', 'B2', 4, texts);
    await check('basics step', { radios: true });
    // Focus moves to the step heading (not left on the button that was pressed).
    await nextStep(page, texts);
    assert.equal(
      await h1(page, texts.iv('interview.blockers.title')).evaluate(
        (el) => el === document.activeElement,
      ),
      true,
    );
    await answer(page, 'blockers', 'K2', 1, texts);
    await answer(page, 'blockers', 'K5', 'prefer-not-to-say', texts);
    await check('blockers step', { radios: true });
    await nextStep(page, texts);
    await answerSkill(page, 'GS01', 0, 4, texts);
    await answerSkill(page, 'GS02', 1, 3, texts);
    await answerSkill(page, 'GS03', 4, 'not-applicable', texts);
    await answer(page, 'skill', 'GS04', 2, texts);
    await check('heading step with answers', { radios: true });
    await page.goto(`${server.url}/assessments/${id}/10`);
    await waitForStep(page, 10, texts);
    await check('review step', { radios: false });
    await finish(page, texts);
    finishedId = id;
  });

  test('results with flags, a plan and an "ask about interest" list', async () => {
    await page.locator('ul.flags > li').first().waitFor();
    await page.locator('ol.plan > li').first().waitFor();
    await page.locator('ul.ask-interest > li').first().waitFor();
    await check('results with flags and a plan', { radios: false });
  });

  test('in forced colours (high contrast) the chart keeps its bars, told apart', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await page.goto(`${server.url}/assessments/${finishedId}/results`);
      await page.locator('ol.plan > li').first().waitFor();
      const bars = await page.evaluate(() =>
        ['solid', 'outline'].map((kind) => {
          const bar = document.querySelector(`rect.chart-bar-${kind}`);
          const style = bar ? getComputedStyle(bar) : null;
          return { fill: style?.fill ?? 'none', stroke: style?.stroke ?? 'none' };
        }),
      );
      const [skill, interest] = bars;
      assert.ok(skill && interest, 'both kinds of bar are drawn');
      assert.notEqual(skill.fill, 'none', 'skill bars are filled');
      assert.notEqual(interest.stroke, 'none', 'interest bars are outlined');
      assert.notEqual(skill.fill, interest.fill, 'the two kinds look different');
      await check('results in forced colours', { radios: false });
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  test("a resident's progress between two visits", async () => {
    const now = Date.now();
    const earlier = makeFinishedAssessment(1, 'A11Y-VISITS', now);
    const later = {
      ...makeFinishedAssessment(2, 'A11Y-VISITS', now),
      residentRef: earlier.residentRef,
      date: '2026-03-09',
    };
    await seedFinished(page, [earlier, later]);
    progressId = later.id;
    await page.goto(`${server.url}/assessments/${later.id}/results`);
    // Found by its address: the date in its name is worded by the browser's own Intl.
    await page.locator(`a[href="/assessments/${later.id}/progress"]`).click();
    await h1(page, format(texts.locale, progressMessages[texts.locale].title)).waitFor();
    await page.locator('tr[data-section="skill"]').waitFor();
    await check('progress between two visits', { radios: false });
  });

  test('the plan to give to the resident, in the language they chose', async () => {
    await page.goto(`${server.url}/assessments/${finishedId}/results`);
    await page
      .getByRole('link', {
        name: texts.t('results.printablePlan', {
          language: texts.t(`plan.language.${texts.locale}`),
        }),
      })
      .click();
    await h1(page, format(texts.locale, planMessages[texts.locale]['plan.title'])).waitFor();
    await page.locator('ol.plan > li').first().waitFor();
    await check('printable plan', { radios: false });
  });

  test('the accessibility statement, linked from every screen', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('link', { name: texts.t('app.accessibility'), exact: true }).click();
    await h1(page, statements[texts.locale].title).waitFor();
    await check('accessibility statement', { radios: false });
  });

  test('results with low coverage and sections not scored', async () => {
    await startAssessment(page, server.url, { set: 'short' }, texts);
    await answer(page, 'basics', 'B3', 3, texts);
    await nextStep(page, texts);
    await nextStep(page, texts);
    await answer(page, 'skill', 'GS05', 3, texts);
    await page.goto(page.url().replace(/\/\d+$/, '/9'));
    await page
      .getByRole('heading', { level: 1, name: texts.iv('interview.review.title') })
      .waitFor();
    await finish(page, texts);
    await page.getByText(texts.t('results.noScore'), { exact: true }).first().waitFor();
    await page.getByText(texts.t('results.lowCoverage'), { exact: true }).first().waitFor();
    await page.getByText(texts.t('results.plan.none'), { exact: true }).waitFor();
    await check('results with low coverage', { radios: false });
  });

  test('home with assessments in progress and finished', async () => {
    inProgressId = await startAssessment(
      page,
      server.url,
      {
        residentRef: 'A11Y-2',
        venue: 'home-visit',
      },
      texts,
    );
    await answer(page, 'basics', 'B1', 'dont-know', texts);
    await page.getByRole('link', { name: texts.iv('interview.later'), exact: true }).click();
    await h1(page, texts.t('home.title')).waitFor();
    await page.getByRole('heading', { name: texts.t('home.resume.title'), exact: true }).waitFor();
    await page
      .getByRole('link', { name: texts.t('home.viewResultsFor', { who: 'A11Y-1' }) })
      .waitFor();
    await check('home with in-progress and finished assessments', { radios: false });
  });

  test('dead ends: page not found, a finished interview, unfinished results', async () => {
    await page.goto(server.url + '/no/such/page');
    await h1(page, texts.t('app.notFound.title')).waitFor();
    await check('not found', { radios: false });

    await page.goto(`${server.url}/assessments/${finishedId}/2`);
    await h1(page, texts.iv('interview.finished')).waitFor();
    await check('interview of a finished assessment', { radios: false });

    await page.goto(`${server.url}/assessments/${inProgressId}/results`);
    await h1(page, texts.t('results.notFinished')).waitFor();
    await check('results of an unfinished assessment', { radios: false });

    await page.goto(`${server.url}/assessments/not-an-id/results`);
    await h1(page, texts.t('interview.notFound')).waitFor();
    await check('results of a missing assessment', { radios: false });
  });

  test('the group of each question is named by its legend', async () => {
    const id = await startAssessment(page, server.url, {}, texts);
    await page.goto(`${server.url}/assessments/${id}/9`);
    await waitForStep(page, 9, texts);
    // Advanced skills: five skills, two named groups each, five options and three non-answers.
    const radios = group(
      page,
      texts.iv('interview.skill.legend', { skill: texts.skillLabel('AD05') }),
    ).getByRole('radio');
    assert.equal(await radios.count(), 8);
  });

  test('sending and enrolment before this device is set up: /sync, /enrol empty, with errors and with a refused code', async () => {
    await page.goto(server.url + '/sync');
    await h1(page, texts.t('sync.title')).waitFor();
    await page.getByText(texts.t('sync.notEnrolled'), { exact: true }).waitFor();
    // The assessments finished above wait in the list, unsent.
    await syncRow(page, finishedId).locator('[data-status="waiting"]').waitFor();
    await check('sync, not enrolled, with records waiting', { radios: false });

    await page.getByRole('link', { name: texts.t('sync.enrolLink'), exact: true }).click();
    await h1(page, texts.t('enrol.title')).waitFor();
    await check('enrol form', { radios: false });

    await page.getByRole('button', { name: texts.t('enrol.submit'), exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: texts.t('errors.summary') });
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
      texts.t('enrol.code.error'),
      texts.t('enrol.name.error'),
    ]);
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true);
    await check('enrol form with errors', { radios: false });

    await page.getByLabel(texts.t('enrol.code.label'), { exact: true }).fill('ABCD-EFGH-JKMN');
    await page.getByLabel(texts.t('enrol.name.label'), { exact: true }).fill('A11y tablet');
    await page.getByRole('button', { name: texts.t('enrol.submit'), exact: true }).click();
    await page.locator('p.error-message[role="alert"]').waitFor();
    await check('enrol form with a refused code', { radios: false });
  });

  test('sending once enrolled: records waiting, refused and received; the sign-out confirmation error', async () => {
    const code = server.firstStart?.code;
    assert.ok(code);
    await enrolThroughUi(page, server.url, code, 'A11y tablet', texts);
    // The assessments finished before enrolment are sent at once.
    await waitForIndicator(page, texts.t('sync.indicator.allSent'));

    // One the server refuses (an item its question bank does not have), and one waiting after
    // failed tries, its next try an hour away.
    const now = Date.now();
    const refused = makeFinishedAssessment(1, 'A11Y-REFUSED', now);
    refused.answers.basics['B9'] = 2;
    const waiting = makeFinishedAssessment(2, 'A11Y-WAITING', now);
    await seedFinished(page, [refused]);
    await seedFinished(page, [waiting], (a) => ({
      id: a.id,
      revision: a.revision,
      state: 'waiting',
      attempts: 3,
      nextAttemptAt: now + 60 * 60_000,
      queuedAt: now,
      lastError: { code: 'network', message: 'The server could not be reached.', at: now },
    }));
    await page.reload();
    await h1(page, texts.t('sync.title')).waitFor();
    await syncRow(page, refused.id).locator('[data-status="rejected"]').waitFor();
    await syncRow(page, waiting.id).locator('[data-status="waiting"]').waitFor();
    await page.getByRole('button', { name: texts.t('sync.sendNow'), exact: true }).waitFor();
    await check('sync with records waiting and refused', { radios: false });

    // The home list shows all three kinds.
    await page.goto(server.url + '/');
    await h1(page, texts.t('home.title')).waitFor();
    for (const status of ['waiting', 'rejected', 'received']) {
      await page.locator(`[data-status="${status}"]`).first().waitFor();
    }
    await check('home with records waiting, refused and received', { radios: false });

    // Signing out with unsent records asks for confirmation first.
    await page.goto(server.url + '/sync');
    await h1(page, texts.t('sync.title')).waitFor();
    await page.getByRole('button', { name: texts.t('signout.buttonDelete'), exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: texts.t('errors.summary') });
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
      texts.t('signout.confirmError'),
    ]);
    await check('sign-out confirmation error', { radios: false });
  });

  test('the coordinator screens: /received, and /devices with errors and with a new code', async () => {
    await page.goto(server.url + '/received');
    await h1(page, texts.t('received.title')).waitFor();
    await page.locator('tbody tr[data-record]').first().waitFor();
    await check('received assessments', { radios: false });

    await page.goto(server.url + '/devices');
    await h1(page, texts.t('devices.title')).waitFor();
    await page.getByRole('heading', { name: texts.t('devices.list.title') }).waitFor();
    await check('devices', { radios: true });

    await page.getByRole('button', { name: texts.t('devices.code.submit'), exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: texts.t('errors.summary') })
      .waitFor();
    await check('devices with an error', { radios: true });

    await page.getByLabel(texts.t('devices.code.person'), { exact: true }).fill('Sam Jones');
    await page
      .getByRole('group', { name: texts.t('devices.code.role') })
      .getByText(texts.t('role.coordinator'), { exact: true })
      .click();
    await page.getByRole('button', { name: texts.t('devices.code.submit'), exact: true }).click();
    await page.locator('.enrolment-code').waitFor();
    await check('devices with a new enrolment code', { radios: true });
  });

  test('content reflows at 320 CSS pixels wide without scrolling sideways (WCAG 1.4.10)', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    const screens: [string, string][] = [
      ['home', '/'],
      ['new assessment form', '/new'],
      ['basics step', `/assessments/${inProgressId}/1`],
      ['heading step', `/assessments/${inProgressId}/3`],
      ['review step', `/assessments/${inProgressId}/10`],
      ['results', `/assessments/${finishedId}/results`],
      ['printable plan', `/assessments/${finishedId}/plan`],
      ['accessibility statement', '/accessibility'],
    ];
    for (const [name, url] of screens) {
      await page.goto(server.url + url);
      await page.locator('h1').waitFor();
      await page.getByText(texts.t('app.loading')).waitFor({ state: 'detached' });
      assert.equal(await overflow(), 0, `${name} scrolls sideways at 320px`);
    }
  });

  test('the sending, enrolment and coordinator screens, and results, at 320 CSS pixels: no sideways scrolling, no axe violations', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    // Their tables scroll sideways inside the page at this width: each scroller must be reachable
    // by keyboard (axe: scrollable-region-focusable).
    const screens: [string, string, boolean][] = [
      ['sync', '/sync', false],
      ['enrol', '/enrol', false],
      ['received', '/received', false],
      ['devices', '/devices', true],
      ['results', `/assessments/${finishedId}/results`, false],
    ];
    for (const [name, url, radios] of screens) {
      await page.goto(server.url + url);
      await page.locator('h1').waitFor();
      await page.getByText(texts.t('app.loading')).waitFor({ state: 'detached' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `${name} scrolls sideways at 320px`);
      await check(`${name} at 320px`, { radios });
    }
  });

  test('text at 200%: no sideways scrolling on any screen, nothing cut off (WCAG 1.4.4)', async () => {
    // Text enlarged by the person's settings: every size in the style sheet is in rem.
    await page.setViewportSize({ width: 640, height: 800 });
    const screens: [string, string][] = [
      ['home', '/'],
      ['new assessment form', '/new'],
      ['basics step', `/assessments/${inProgressId}/1`],
      ['blockers step', `/assessments/${inProgressId}/2`],
      ['heading step', `/assessments/${inProgressId}/3`],
      ['review step', `/assessments/${inProgressId}/10`],
      ['results', `/assessments/${finishedId}/results`],
      ['printable plan', `/assessments/${finishedId}/plan`],
      ['progress', `/assessments/${progressId}/progress`],
      ['sync', '/sync'],
      ['enrol', '/enrol'],
      ['received', '/received'],
      ['devices', '/devices'],
      ['accessibility statement', '/accessibility'],
    ];
    for (const [name, url] of screens) {
      await page.goto(server.url + url);
      // Set through the DOM: the app's content security policy refuses inline style sheets.
      await page.evaluate(() =>
        document.documentElement.style.setProperty('font-size', '200%', 'important'),
      );
      await page.locator('h1').waitFor();
      await page.getByText(texts.t('app.loading')).waitFor({ state: 'detached' });
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth) found.push('the page scrolls sideways');
        for (const el of document.querySelectorAll<HTMLElement>('body *')) {
          const style = getComputedStyle(el);
          const clips = ['hidden', 'clip'].includes(style.overflowX);
          // Text that a box cuts off: visually hidden text (1px by design) is not content.
          if (clips && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
            found.push(
              `cut off: ${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.slice(0, 40)}"`,
            );
          }
        }
        return found;
      });
      assert.deepEqual(problems, [], `${name} at 200% text`);
    }
  });
}
