/**
 * Accessibility of every screen and state: axe-core against WCAG 2.2 AA, plus checks axe does not
 * make: radio targets at least 44 px tall (WCAG 2.5.8 asks for 24), every radio label bound to
 * its own radio, and no duplicate ids. The gate comes first (setting the device up, unlocking,
 * signing in, a worker's first time on the device), then a worker's screens once unlocked. The
 * update banner is scanned in update.e2e.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
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
import { MIN_PIN_LENGTH } from '../../src/session/session.ts';
import { format } from '../../src/ui/i18n/i18n.ts';
import { newMessages } from '../../src/ui/screens/new.messages.ts';
import { planMessages } from '../../src/ui/screens/plan.messages.ts';
import { progressMessages } from '../../src/ui/screens/progress.messages.ts';
import { statements } from '../../src/ui/screens/statement.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import {
  PIN,
  newAccount,
  openAt,
  reloadAndUnlock,
  setUpDevice,
  unlock,
  signIn,
  useCode,
  type Account,
} from './support/gate.ts';
import { serve, type Served } from './support/server.ts';
import {
  makeFinishedAssessment,
  openSyncScreen,
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
  // A coordinator's code for a second worker, made on the devices screen.
  let secondCode: string;
  // Set up with the first-start code: the organisation's administrator, who sees every screen.
  const admin = newAccount();
  const ADMIN_NAME = 'Administrator';

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

  /**
   * Waits until `target` has focus: the error summary takes it in an effect that runs after it
   * is drawn, so it can arrive a frame after the summary shows.
   */
  async function takesFocus(target: Locator): Promise<void> {
    const handle = await target.elementHandle();
    await page.waitForFunction((el) => el === document.activeElement, handle);
  }

  /** What enlarged text breaks on the page: sideways scrolling, and boxes that cut text off. */
  function textProblems(): Promise<string[]> {
    return page.evaluate(() => {
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
  }

  /** The error summary after a submit: its links in order, and it has focus. */
  async function errorSummary(links: string[]): Promise<void> {
    const summary = page.getByRole('alert').filter({ hasText: texts.t('errors.summary') });
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), links);
    await takesFocus(summary);
  }

  const accountErrors = () => [
    texts.t('gate.username.error'),
    texts.t('gate.passphrase.error'),
    texts.t('gate.pin.tooShort', { count: MIN_PIN_LENGTH }),
  ];

  async function fillAccount(account: Account): Promise<void> {
    const { t } = texts;
    await page.getByLabel(t('gate.username.label'), { exact: true }).fill(account.username);
    await page.getByLabel(t('gate.passphrase.label'), { exact: true }).fill(account.passphrase);
    await page.getByLabel(t('gate.newPin.label'), { exact: true }).fill(account.pin);
  }

  const lockButton = () => page.getByRole('button', { name: texts.t('gate.lock'), exact: true });
  const unlockButton = () =>
    page.getByRole('button', { name: texts.t('gate.unlock.submit'), exact: true });
  const pinField = () => page.getByLabel(texts.t('gate.pin.label'), { exact: true });

  /**
   * Loads an address and unlocks it; the accessibility statement is opened by its link once
   * unlocked (at its own address a locked app shows it in place of the gate, scanned in the last
   * test), and `gate:<form>` shows one of the gate's forms, locked.
   */
  async function show(where: string): Promise<void> {
    const form = /^gate:(.*)$/.exec(where)?.[1];
    if (form === undefined) {
      if (where !== '/accessibility') return openAt(page, server.url + where, PIN, texts);
      await openAt(page, server.url + '/', PIN, texts);
      await page.getByRole('link', { name: texts.t('app.accessibility'), exact: true }).click();
      await h1(page, statements[texts.locale].title).waitFor();
      return;
    }
    await page.goto(server.url + '/');
    await h1(page, texts.t('gate.unlock.title')).waitFor();
    if (form === 'sign-in' || form === 'code') {
      const other = form === 'sign-in' ? 'gate.other.signIn' : 'gate.other.code';
      await page.getByRole('button', { name: texts.t(other), exact: true }).click();
      await h1(
        page,
        texts.t(form === 'sign-in' ? 'gate.signIn.title' : 'gate.code.title'),
      ).waitFor();
    }
  }

  /** Submits the form with `button` and returns the refusal it shows (a new one, not the last). */
  async function refusal(button: Locator): Promise<string> {
    // A new submit removes the last refusal: marked, it cannot be mistaken for the next.
    await page.evaluate(() =>
      document.querySelectorAll('p.error-message').forEach((p) => p.setAttribute('data-seen', '')),
    );
    await button.click();
    const shown = page.locator('p.error-message[role="alert"]:not([data-seen])');
    await shown.waitFor();
    return shown.innerText();
  }

  /** A wrong PIN on the unlock screen: the refusal shown. */
  async function wrongPin(): Promise<string> {
    await pinField().fill('000000');
    return refusal(unlockButton());
  }

  test('the gate on a new device: setting it up, empty, with errors and with a refused code', async () => {
    await page.goto(server.url + '/');
    await h1(page, texts.t('enrol.title')).waitFor();
    await check('set-up screen', { radios: false });

    await page.getByRole('button', { name: texts.t('enrol.submit'), exact: true }).click();
    await errorSummary([
      texts.t('enrol.code.error'),
      texts.t('enrol.name.error'),
      ...accountErrors(),
    ]);
    await check('set-up screen with errors', { radios: false });

    await page.getByLabel(texts.t('enrol.code.label'), { exact: true }).fill('ABCD-EFGH-JKMN');
    await page.getByLabel(texts.t('enrol.name.label'), { exact: true }).fill('A11y tablet');
    await fillAccount(newAccount());
    await refusal(page.getByRole('button', { name: texts.t('enrol.submit'), exact: true }));
    await check('set-up screen with a refused code', { radios: false });

    // At 320px and with text at 200%, as every screen is further down: this one is only shown
    // before the device is set up.
    await page.setViewportSize({ width: 320, height: 640 });
    assert.equal(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
      0,
      'the set-up screen scrolls sideways at 320px',
    );
    await check('set-up screen at 320px', { radios: false });
    await page.setViewportSize({ width: 640, height: 800 });
    await page.evaluate(() =>
      document.documentElement.style.setProperty('font-size', '200%', 'important'),
    );
    assert.deepEqual(await textProblems(), [], 'set-up screen at 200% text');
    await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
    await page.setViewportSize({ width: 1280, height: 720 });

    const code = server.firstStart?.code;
    assert.ok(code);
    await setUpDevice(page, code, { deviceName: 'A11y tablet', account: admin, texts });
  });

  test('home with no assessments, and the header with who is signed in and the Lock button', async () => {
    await h1(page, texts.t('home.title')).waitFor();
    await page.getByText(texts.t('home.none'), { exact: true }).waitFor();
    const header = page.locator('header');
    await header
      .getByText(texts.t('gate.signedInAs', { name: ADMIN_NAME }), { exact: true })
      .waitFor();
    await header.getByRole('button', { name: texts.t('gate.lock'), exact: true }).waitFor();
    await check('empty home, signed in', { radios: false });
  });

  test('the gate with one worker: locked, no PIN, a wrong PIN', async () => {
    await lockButton().click();
    await h1(page, texts.t('gate.unlock.title')).waitFor();
    await page
      .getByText(texts.t('gate.unlock.as', { name: ADMIN_NAME }), { exact: true })
      .waitFor();
    await check('unlock, one worker', { radios: false });

    await unlockButton().click();
    await errorSummary([texts.t('gate.pin.error')]);
    await check('unlock, one worker, with no PIN', { radios: false });

    assert.equal(await wrongPin(), texts.t('gate.unlock.wrong', { count: 4 }));
    await check('unlock, one worker, after a wrong PIN', { radios: false });

    await unlock(page, PIN, texts);
    await h1(page, texts.t('home.title')).waitFor();
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
    await takesFocus(summary);
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
    await openAt(page, `${server.url}/assessments/${id}/10`, PIN, texts);
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
      await openAt(page, `${server.url}/assessments/${finishedId}/results`, PIN, texts);
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
    await openAt(page, `${server.url}/assessments/${later.id}/results`, PIN, texts);
    // Found by its address: the date in its name is worded by the browser's own Intl.
    await page.locator(`a[href="/assessments/${later.id}/progress"]`).click();
    await h1(page, format(texts.locale, progressMessages[texts.locale].title)).waitFor();
    await page.locator('tr[data-section="skill"]').waitFor();
    await check('progress between two visits', { radios: false });
  });

  test('the plan to give to the resident, in the language they chose', async () => {
    await openAt(page, `${server.url}/assessments/${finishedId}/results`, PIN, texts);
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
    await openAt(page, server.url + '/', PIN, texts);
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
    await openAt(page, page.url().replace(/\/\d+$/, '/9'), PIN, texts);
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
    await openAt(page, server.url + '/no/such/page', PIN, texts);
    await h1(page, texts.t('app.notFound.title')).waitFor();
    await check('not found', { radios: false });

    await openAt(page, `${server.url}/assessments/${finishedId}/2`, PIN, texts);
    await h1(page, texts.iv('interview.finished')).waitFor();
    await check('interview of a finished assessment', { radios: false });

    await openAt(page, `${server.url}/assessments/${inProgressId}/results`, PIN, texts);
    await h1(page, texts.t('results.notFinished')).waitFor();
    await check('results of an unfinished assessment', { radios: false });

    await openAt(page, `${server.url}/assessments/not-an-id/results`, PIN, texts);
    await h1(page, texts.t('interview.notFound')).waitFor();
    await check('results of a missing assessment', { radios: false });
  });

  test('the group of each question is named by its legend', async () => {
    const id = await startAssessment(page, server.url, {}, texts);
    await openAt(page, `${server.url}/assessments/${id}/9`, PIN, texts);
    await waitForStep(page, 9, texts);
    // Advanced skills: five skills, two named groups each, five options and three non-answers.
    const radios = group(
      page,
      texts.iv('interview.skill.legend', { skill: texts.skillLabel('AD05') }),
    ).getByRole('radio');
    assert.equal(await radios.count(), 8);
  });

  test('sending: records waiting, refused and received; the sign-out confirmation error', async () => {
    await openSyncScreen(page, texts);
    // The assessments finished above have been sent.
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
    await reloadAndUnlock(page, PIN, texts);
    await h1(page, texts.t('sync.title')).waitFor();
    await syncRow(page, refused.id).locator('[data-status="rejected"]').waitFor();
    await syncRow(page, waiting.id).locator('[data-status="waiting"]').waitFor();
    await page.getByRole('button', { name: texts.t('sync.sendNow'), exact: true }).waitFor();
    await check('sync with records waiting and refused', { radios: false });

    // The home list shows all three kinds.
    await openAt(page, server.url + '/', PIN, texts);
    await h1(page, texts.t('home.title')).waitFor();
    for (const status of ['waiting', 'rejected', 'received']) {
      await page.locator(`[data-status="${status}"]`).first().waitFor();
    }
    await check('home with records waiting, refused and received', { radios: false });

    // Signing out with unsent records asks for confirmation first.
    await openAt(page, server.url + '/sync', PIN, texts);
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
    await openAt(page, server.url + '/received', PIN, texts);
    await h1(page, texts.t('received.title')).waitFor();
    await page.locator('tbody tr[data-record]').first().waitFor();
    await check('received assessments', { radios: false });

    await openAt(page, server.url + '/devices', PIN, texts);
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
    const newCode = page.locator('.enrolment-code');
    await newCode.waitFor();
    await check('devices with a new enrolment code', { radios: true });
    secondCode = (await newCode.getAttribute('data-code')) ?? '';
    assert.ok(secondCode);
  });

  test('/devices with a shared tablet and its worker: sign-out buttons, and asking before signing out a device', async () => {
    const { t } = texts;
    // A tablet enrolled with a code from this screen, and its worker signed in on it.
    await openAt(page, server.url + '/devices', PIN, texts);
    await page.getByLabel(t('devices.code.person'), { exact: true }).fill('Nia Rees');
    await page.getByRole('button', { name: t('devices.code.submit'), exact: true }).click();
    const code = await page.locator('.enrolment-code').getAttribute('data-code');
    assert.ok(code);
    const tablet = 'Library tablet 3';
    const nia = newAccount();
    const post = async (path: string, token: string | null, body: unknown) => {
      const response = await fetch(server.url + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'doorstep-protocol': '1',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as { token: string };
    };
    const account = { username: nia.username, passphrase: nia.passphrase };
    const enrolled = await post('/api/enrol', null, { code, deviceName: tablet, ...account });
    await post('/api/sign-in', enrolled.token, account);

    await reloadAndUnlock(page, PIN, texts);
    const signOutDevice = page.getByRole('button', {
      name: t('devices.revokeFor', { device: tablet }),
      exact: true,
    });
    await signOutDevice.waitFor();
    await page
      .getByRole('button', {
        name: t('devices.revokeSession', { person: 'Nia Rees', device: tablet }),
        exact: true,
      })
      .waitFor();
    await check('devices with a shared tablet and its worker', { radios: true });

    await signOutDevice.click();
    await page
      .getByRole('heading', { name: t('devices.confirm.title', { device: tablet }) })
      .waitFor();
    await check('devices, asking before signing out a device', { radios: true });
    await page.getByRole('button', { name: t('devices.confirm.cancel'), exact: true }).click();
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
      ['unlock', 'gate:unlock'],
      ['sign in', 'gate:sign-in'],
      ['first time on this device', 'gate:code'],
    ];
    for (const [name, url] of screens) {
      await show(url);
      await page.locator('h1').waitFor();
      await page.getByText(texts.t('app.loading')).waitFor({ state: 'detached' });
      assert.equal(await overflow(), 0, `${name} scrolls sideways at 320px`);
    }
  });

  test('the sending, gate and coordinator screens, and results, at 320 CSS pixels: no sideways scrolling, no axe violations', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    // Their tables scroll sideways inside the page at this width: each scroller must be reachable
    // by keyboard (axe: scrollable-region-focusable).
    const screens: [string, string, boolean][] = [
      ['sync', '/sync', false],
      ['unlock', 'gate:unlock', false],
      ['sign in', 'gate:sign-in', false],
      ['first time on this device', 'gate:code', false],
      ['received', '/received', false],
      ['devices', '/devices', true],
      ['results', `/assessments/${finishedId}/results`, false],
    ];
    for (const [name, url, radios] of screens) {
      await show(url);
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
      ['unlock', 'gate:unlock'],
      ['sign in', 'gate:sign-in'],
      ['first time on this device', 'gate:code'],
      ['received', '/received'],
      ['devices', '/devices'],
      ['accessibility statement', '/accessibility'],
    ];
    for (const [name, url] of screens) {
      await show(url);
      // Set through the DOM: the app's content security policy refuses inline style sheets.
      await page.evaluate(() =>
        document.documentElement.style.setProperty('font-size', '200%', 'important'),
      );
      await page.locator('h1').waitFor();
      await page.getByText(texts.t('app.loading')).waitFor({ state: 'detached' });
      const problems = await textProblems();
      assert.deepEqual(problems, [], `${name} at 200% text`);
    }
  });

  test('the gate with two workers: a first time on this device, who is unlocking, wrong PINs until locked out, and signing in again', async () => {
    const { t } = texts;
    await page.setViewportSize({ width: 1280, height: 720 });
    const second = newAccount();
    const secondName = 'Sam Jones';

    // A second worker's first time on this device, from the gate: empty, then with the code.
    await show('gate:code');
    await check('first time on this device', { radios: false });
    await page.getByRole('button', { name: t('gate.code.submit'), exact: true }).click();
    await errorSummary([t('enrol.code.error'), ...accountErrors()]);
    await check('first time on this device, with errors', { radios: false });
    await page.getByRole('button', { name: t('gate.other.unlock'), exact: true }).click();
    await useCode(page, secondCode, second, texts);
    await page
      .locator('header')
      .getByText(t('gate.signedInAs', { name: secondName }), { exact: true })
      .waitFor();

    // Two workers: the unlock screen asks who is unlocking.
    await lockButton().click();
    await h1(page, t('gate.unlock.title')).waitFor();
    const who = page.getByRole('group', { name: t('gate.unlock.who'), exact: true });
    assert.equal(await who.getByRole('radio').count(), 2);
    await check('unlock, two workers', { radios: true });

    await who.getByText(secondName, { exact: true }).click();
    assert.equal(await wrongPin(), t('gate.unlock.wrong', { count: 4 }));
    await check('unlock, two workers, after a wrong PIN', { radios: true });
    for (let remaining = 3; remaining > 0; remaining--) {
      assert.equal(await wrongPin(), t('gate.unlock.wrong', { count: remaining }));
    }
    // The fifth: locked out, with no PIN field left to try.
    assert.equal(await wrongPin(), t('gate.unlock.lockedOut'));
    await page
      .locator('p.warning-text')
      .filter({ hasText: t('gate.unlock.lockedOut') })
      .waitFor();
    assert.equal(await pinField().count(), 0);
    await check('unlock, locked out', { radios: true });

    // Back in by signing in online: empty, refused, then with the account and a new PIN.
    await page.getByRole('button', { name: t('gate.other.signIn'), exact: true }).click();
    await h1(page, t('gate.signIn.title')).waitFor();
    await check('sign in', { radios: false });
    const signInButton = page.getByRole('button', { name: t('gate.signIn.submit'), exact: true });
    await signInButton.click();
    await errorSummary(accountErrors());
    await check('sign in, with errors', { radios: false });
    await fillAccount({ ...second, passphrase: 'not the passphrase' });
    await refusal(signInButton);
    await check('sign in, refused', { radios: false });
    await signIn(page, second, texts);
    await page
      .locator('header')
      .getByText(t('gate.signedInAs', { name: secondName }), { exact: true })
      .waitFor();
  });

  test('the accessibility statement from the gate, while locked', async () => {
    await show('gate:unlock');
    await page
      .locator('footer')
      .getByRole('link', { name: texts.t('app.accessibility'), exact: true })
      .click();
    await h1(page, statements[texts.locale].title).waitFor();
    await check('accessibility statement, locked', { radios: false });
  });
}
