/**
 * The keyboard alone, in each language: a full assessment from the start screen to the results
 * with Tab, arrow keys, Space and Enter only (no pointer), and the language switch, which must
 * leave the assessment exactly where it was.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import bank from '../../src/domain/bank/bank-v1.json' with { type: 'json' };
import type { Assessment } from '../../src/domain/index.ts';
import { LANGUAGE_TAG } from '../../src/ui/i18n/i18n.ts';
import {
  agreeLabel,
  assertChecked,
  committedAnswers,
  english,
  h1,
  startAssessment,
  stepOf,
  waitForStep,
  welsh,
  type Facet,
  type NonAnswer,
  type Score,
  type Texts,
} from './support/app.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { PIN, openAt, reloadAndUnlock, setUpWorker } from './support/gate.ts';
import { serve, type Served } from './support/server.ts';
import { readStore } from './support/sync.ts';

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

const MAX_TABS = 60;

/** What has focus: its tag, type, accessible text and, for a radio, its group's legend. */
function focused(page: Page) {
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

/** Press Tab (or Shift+Tab) until `wanted` has focus. */
async function tabTo(page: Page, what: string, wanted: (f: Focus) => boolean, back = false) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (wanted(await focused(page))) return;
  }
  assert.fail(`${what} was not reached with ${MAX_TABS} presses of Tab`);
}

const button = (name: string) => (f: Focus) => f.tag === 'button' && f.text === name;
const link = (name: string) => (f: Focus) => f.tag === 'a' && f.text === name;

/** Answer one question: Tab into its group, then Space or the arrow keys; wait for the commit. */
async function answerByKeyboard(
  page: Page,
  texts: Texts,
  facet: Facet,
  itemId: string,
  value: Score | NonAnswer,
) {
  const legend = texts.legendOf(facet, itemId);
  await tabTo(page, `the group "${legend}"`, (f) => f.type === 'radio' && f.legend === legend);
  const before = await committedAnswers(page);
  // Tab lands on the first option of a group with nothing chosen; each arrow moves and chooses.
  const options = [0, 1, 2, 3, 4, 'dont-know', 'not-applicable', 'prefer-not-to-say'];
  const steps = options.indexOf(value);
  if (steps === 0) await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    (n) => performance.getEntriesByName('doorstep:answer-saved').length > n,
    before,
  );
  const chosen = await focused(page);
  assert.equal(chosen.label, texts.optionText(facet, value), `${facet} ${itemId}`);
}

/** A spread of answers over the whole full set, non-answers included. */
function plannedAnswers(): [Facet, string, Score | NonAnswer][] {
  const pick = (n: number): Score | NonAnswer =>
    n % 11 === 10 ? 'dont-know' : n % 13 === 12 ? 'not-applicable' : ((n % 5) as Score);
  let n = 0;
  return [
    ...bank.basics.map((i): [Facet, string, Score | NonAnswer] => ['basics', i.id, pick(n++)]),
    ...bank.blockers.map((i): [Facet, string, Score | NonAnswer] => [
      'blockers',
      i.id,
      i.id === 'K5' ? 'prefer-not-to-say' : pick(n++),
    ]),
    ...bank.headings.flatMap((h) =>
      h.skills.flatMap((s): [Facet, string, Score | NonAnswer][] => [
        ['skill', s.id, pick(n++)],
        ['interest', s.id, pick(n++ * 3)],
      ]),
    ),
  ];
}

const STEP_OF_FACET: Record<Facet, (itemId: string) => number> = {
  basics: () => 1,
  blockers: () => 2,
  skill: (id) => 3 + bank.headings.findIndex((h) => h.skills.some((s) => s.id === id)),
  interest: (id) => 3 + bank.headings.findIndex((h) => h.skills.some((s) => s.id === id)),
};

for (const texts of [english, welsh]) {
  describe(texts.locale === 'cy' ? 'in Welsh' : 'in English', () => {
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      context = await browser.newContext({ locale: LANGUAGE_TAG[texts.locale] });
      page = await context.newPage();
      await setUpWorker(page, server, { texts });
    });

    after(async () => {
      await context?.close();
    });

    test('a full assessment from the start screen to the results, with the keyboard alone', async () => {
      const { t, n, iv } = texts;
      await openAt(page, server.url + '/', PIN, texts);
      await h1(page, t('home.title')).waitFor();
      await tabTo(page, 'the start link', link(t('home.start')));
      await page.keyboard.press('Enter');
      await h1(page, n('new.title')).waitFor();

      // The privacy notice comes first: the resident agrees before anything else.
      const agree = agreeLabel(texts);
      await tabTo(page, 'the agreement', (f) => f.type === 'checkbox' && f.label === agree);
      await page.keyboard.press('Space');
      await tabTo(page, 'the reference', (f) => f.tag === 'input' && f.type === 'text');
      await page.keyboard.type(`KEY-${texts.locale}`);
      const venue = n('new.venue.legend');
      await tabTo(page, 'the venue', (f) => f.type === 'radio' && f.legend === venue);
      await page.keyboard.press('ArrowDown'); // home visit, the second option
      await tabTo(page, 'the start button', button(n('new.submit')));
      await page.keyboard.press('Enter');
      await waitForStep(page, 1, texts);
      const { id } = stepOf(page);

      const planned = plannedAnswers();
      const steps = texts.fullSteps.length;
      for (let step = 1; step < steps; step++) {
        // Focus is on the new step's heading: Tab goes on from there.
        assert.equal(
          await h1(page, texts.fullSteps[step - 1] ?? '').evaluate(
            (el) => el === document.activeElement,
          ),
          true,
          `step ${step} heading has focus`,
        );
        for (const [facet, itemId, value] of planned) {
          if (STEP_OF_FACET[facet](itemId) === step) {
            await answerByKeyboard(page, texts, facet, itemId, value);
          }
        }
        await tabTo(page, 'save and continue', button(iv('interview.next')));
        await page.keyboard.press('Enter');
        await waitForStep(page, step + 1, texts);
      }
      await tabTo(page, 'finish', button(iv('interview.finish')));
      await page.keyboard.press('Enter');
      await h1(page, t('results.title')).waitFor();

      const stored = (await readStore(page, 'assessments')) as Assessment[];
      const done = stored.find((a) => a.id === id);
      assert.ok(done, 'the assessment is stored');
      assert.equal(done.status, 'finished');
      assert.equal(done.venue, 'home-visit');
      assert.equal(done.language, texts.locale);
      for (const [facet, itemId, value] of planned) {
        assert.equal(done.answers[facet][itemId], value, `${facet} ${itemId}`);
      }
    });
  });
}

describe('the language switch', () => {
  test('changes every word on the screen and nothing else: same step, same answers, same focus', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await setUpWorker(page, server);
      await startAssessment(page, server.url, { residentRef: 'SWITCH-1' });
      await answerByKeyboard(page, english, 'basics', 'B1', 3);
      await answerByKeyboard(page, english, 'basics', 'B2', 'dont-know');
      const url = page.url();

      await tabTo(page, 'the switch to Welsh', button(english.t('app.language.other')), true);
      await page.keyboard.press('Enter');
      await h1(page, welsh.fullSteps[0] ?? '').waitFor();
      assert.equal(page.url(), url);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await page.title(), `${welsh.fullSteps[0]} – Doorstep`);
      assert.deepEqual(await focused(page).then((f) => f.text), welsh.t('app.language.other'));
      await assertChecked(page, 'basics', 'B1', 3, welsh);
      await assertChecked(page, 'basics', 'B2', 'dont-know', welsh);

      // The choice outlives a reload, and the interview goes on in Welsh.
      await reloadAndUnlock(page, PIN, welsh);
      await waitForStep(page, 1, welsh);
      await answerByKeyboard(page, welsh, 'basics', 'B3', 1);

      await tabTo(page, 'the switch to English', button(welsh.t('app.language.other')), true);
      await page.keyboard.press('Enter');
      await h1(page, english.fullSteps[0] ?? '').waitFor();
      await assertChecked(page, 'basics', 'B3', 1, english);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
    } finally {
      await context.close();
    }
  });
});

describe('the gate, with the keyboard alone', () => {
  for (const texts of [english, welsh]) {
    test(`${texts.locale === 'cy' ? 'in Welsh' : 'in English'}: Tab reaches the PIN and then Unlock, Enter unlocks, focus goes to the heading`, async () => {
      const { t } = texts;
      const context = await browser.newContext({ locale: LANGUAGE_TAG[texts.locale] });
      const page = await context.newPage();
      try {
        await setUpWorker(page, server, { texts });
        await page.goto(server.url + '/');
        await h1(page, t('gate.unlock.title')).waitFor();

        const pin = (f: Focus) =>
          f.tag === 'input' && f.type === 'password' && f.label.trim() === t('gate.pin.label');
        const unlockButton = button(t('gate.unlock.submit'));
        let unlockBeforePin = false;
        await tabTo(page, 'the PIN field', (f) => {
          unlockBeforePin ||= unlockButton(f);
          return pin(f);
        });
        assert.equal(unlockBeforePin, false, 'Unlock comes after the PIN field');
        await page.keyboard.type(PIN);
        // Unlock is the very next stop after the PIN.
        await page.keyboard.press('Tab');
        assert.deepEqual(await focused(page).then((f) => [f.tag, f.text]), [
          'button',
          t('gate.unlock.submit'),
        ]);
        await page.keyboard.press('Enter');
        await h1(page, t('home.title')).waitFor();
        assert.equal(
          await h1(page, t('home.title')).evaluate((el) => el === document.activeElement),
          true,
          'the heading of the screen behind the gate has focus',
        );
      } finally {
        await context.close();
      }
    });
  }
});
