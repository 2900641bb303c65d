/**
 * Driving Doorstep through its interface the way a person does: by the visible labels. All text
 * comes from the app's own message catalogue and question bank, so wording changes in one place.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { PIN, unlockIfLocked } from './gate.ts';
import bank from '../../../src/domain/bank/bank-v1.json' with { type: 'json' };
import scale from '../../../src/domain/bank/scale-v1.json' with { type: 'json' };
import welshWords from '../../../src/domain/bank/text-v1.cy.json' with { type: 'json' };
import englishWords from '../../../src/domain/bank/text-v1.en.json' with { type: 'json' };
import { cy } from '../../../src/ui/i18n/cy.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import { format, translator, type Translate, type UiLocale } from '../../../src/ui/i18n/i18n.ts';
import {
  interviewMessages,
  type InterviewKey,
} from '../../../src/ui/screens/interview.messages.ts';
import { newMessages, type NewKey } from '../../../src/ui/screens/new.messages.ts';

export type Facet = 'basics' | 'blockers' | 'skill' | 'interest';
export type Score = 0 | 1 | 2 | 3 | 4;
export type NonAnswer = 'dont-know' | 'not-applicable' | 'prefer-not-to-say';

/** The interface text and question wording of one language, exactly as the app renders them. */
export interface Texts {
  readonly locale: UiLocale;
  readonly t: Translate;
  /** The new-assessment form's own messages (they load with that screen). */
  n(key: NewKey, params?: Record<string, string | number>): string;
  /** The interview's own messages (they load with the interview). */
  iv(key: InterviewKey, params?: Record<string, string | number>): string;
  /** The wording of an option: a score of a facet, or a non-answer. */
  optionText(facet: Facet, answer: Score | NonAnswer): string;
  skillLabel(skillId: string): string;
  itemText(itemId: string): string;
  headingText(headingId: string): string;
  /** The legend of a question's radio group. */
  legendOf(facet: Facet, itemId: string): string;
  /** Step titles of the full set, in order: step n of the interview is fullSteps[n - 1]. */
  readonly fullSteps: readonly string[];
}

export function textsFor(locale: UiLocale): Texts {
  const t = translator(locale, locale === 'cy' ? cy : en);
  const iv: Texts['iv'] = (key, params) => format(locale, interviewMessages[locale][key], params);
  const words = locale === 'cy' ? welshWords : englishWords;
  const lookUp = (map: Record<string, string>, id: string, what: string) => {
    const text = map[id];
    assert.ok(text, `no ${what} ${id}`);
    return text;
  };
  const skillLabel = (skillId: string) => {
    const skill = (words.skills as Record<string, { label: string }>)[skillId];
    assert.ok(skill, `no skill ${skillId}`);
    return skill.label;
  };
  const itemText = (itemId: string) =>
    lookUp({ ...words.basics, ...words.blockers }, itemId, 'item');
  const headingText = (headingId: string) => lookUp(words.headings, headingId, 'heading');
  return {
    locale,
    t,
    n: (key, params) => format(locale, newMessages[locale][key], params),
    iv,
    optionText(facet, answer) {
      if (typeof answer === 'number') {
        assert.ok(scale.options[facet].includes(answer), `no option ${answer} for ${facet}`);
        return lookUp(
          Object.fromEntries(words.options[facet].map((text, score) => [String(score), text])),
          String(answer),
          `option of ${facet}`,
        );
      }
      return lookUp(words.missing, answer, 'non-answer');
    },
    skillLabel,
    itemText,
    headingText,
    legendOf(facet, itemId) {
      switch (facet) {
        case 'basics':
        case 'blockers':
          return itemText(itemId);
        case 'skill':
          return iv('interview.skill.legend', { skill: skillLabel(itemId) });
        case 'interest':
          return iv('interview.interest.legend', { skill: skillLabel(itemId) });
      }
    },
    fullSteps: [
      iv('interview.basics.title'),
      iv('interview.blockers.title'),
      ...bank.headings.map((h) => headingText(h.id)),
      iv('interview.review.title'),
    ],
  };
}

export const english = textsFor('en');
export const welsh = textsFor('cy');

/** The English interface text, exactly as the app renders it. */
export const { t, iv, optionText, skillLabel, itemText, headingText, legendOf } = english;
export const FULL_STEPS = english.fullSteps;

export const SKILLS = bank.headings.flatMap((h) =>
  h.skills.map((s) => ({ id: s.id, headingId: h.id, label: english.skillLabel(s.id) })),
);

export function group(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

export function radio(
  page: Page,
  facet: Facet,
  itemId: string,
  answer: Score | NonAnswer,
  texts: Texts = english,
) {
  return group(page, texts.legendOf(facet, itemId)).getByLabel(texts.optionText(facet, answer), {
    exact: true,
  });
}

export function footer(page: Page): Locator {
  return page.locator('footer');
}

export function h1(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** How many answers the app has measured as committed to IndexedDB since the page loaded. */
export function committedAnswers(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('doorstep:answer-saved').length);
}

/**
 * Choose an answer by clicking its label, then wait until the app has committed it (it records a
 * performance measure once the Dexie transaction resolves), so nothing is left in flight.
 */
export async function answer(
  page: Page,
  facet: Facet,
  itemId: string,
  value: Score | NonAnswer,
  texts: Texts = english,
): Promise<void> {
  const before = await committedAnswers(page);
  await group(page, texts.legendOf(facet, itemId))
    .getByText(texts.optionText(facet, value), { exact: true })
    .click();
  await page.waitForFunction(
    (n) => performance.getEntriesByName('doorstep:answer-saved').length > n,
    before,
  );
  assert.equal(await radio(page, facet, itemId, value, texts).isChecked(), true);
}

/** Both questions of a skill. */
export async function answerSkill(
  page: Page,
  skillId: string,
  skill: Score | NonAnswer,
  interest: Score | NonAnswer,
  texts: Texts = english,
): Promise<void> {
  await answer(page, 'skill', skillId, skill, texts);
  await answer(page, 'interest', skillId, interest, texts);
}

export async function assertChecked(
  page: Page,
  facet: Facet,
  itemId: string,
  value: Score | NonAnswer,
  texts: Texts = english,
): Promise<void> {
  assert.equal(
    await radio(page, facet, itemId, value, texts).isChecked(),
    true,
    `${facet} ${itemId} should be ${value}`,
  );
}

const STEP_URL = /\/assessments\/([^/]+)\/(\d+)$/;

export function stepOf(page: Page): { id: string; step: number } {
  const match = STEP_URL.exec(new URL(page.url()).pathname);
  assert.ok(match, `not on an interview step: ${page.url()}`);
  return { id: match[1] ?? '', step: Number(match[2]) };
}

/** Wait until interview step n (1-based) of the full set is on screen. */
export async function waitForStep(page: Page, step: number, texts: Texts = english): Promise<void> {
  await page.waitForURL((url) => STEP_URL.exec(url.pathname)?.[2] === String(step));
  await h1(page, texts.fullSteps[step - 1] ?? `no step ${step}`).waitFor();
}

export async function nextStep(page: Page, texts: Texts = english): Promise<void> {
  const { step } = stepOf(page);
  await page.getByRole('button', { name: texts.iv('interview.next'), exact: true }).click();
  await waitForStep(page, step + 1, texts);
}

export async function previousStep(page: Page, texts: Texts = english): Promise<void> {
  const { step } = stepOf(page);
  await page.getByRole('button', { name: texts.iv('interview.back'), exact: true }).click();
  await waitForStep(page, step - 1, texts);
}

/** From the review step: finish and wait for the results. */
export async function finish(page: Page, texts: Texts = english): Promise<void> {
  await page.getByRole('button', { name: texts.iv('interview.finish'), exact: true }).click();
  await page.waitForURL(/\/assessments\/[^/]+\/results$/);
  await h1(page, texts.t('results.title')).waitFor();
}

export interface NewAssessment {
  readonly residentRef?: string;
  readonly venue?: 'library' | 'home-visit' | 'community-hub' | 'other';
  readonly set?: 'full' | 'short';
}

/** Open the new-assessment form from the home page. */
export async function openNewAssessmentForm(
  page: Page,
  baseUrl: string,
  texts: Texts = english,
): Promise<void> {
  if (!page.url().startsWith(baseUrl)) {
    await page.goto(baseUrl + '/');
    await unlockIfLocked(page, PIN, texts);
  } else if (new URL(page.url()).pathname !== '/') {
    // Within the app, by its own link: a page load would lock it.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: texts.t('nav.assessments'), exact: true })
      .click();
  }
  await h1(page, texts.t('home.title')).waitFor();
  await page.getByRole('link', { name: texts.t('home.start'), exact: true }).click();
  await h1(page, texts.n('new.title')).waitFor();
}

/** The label of the box recording that the resident heard the privacy notice and agrees. */
export function agreeLabel(texts: Texts = english): string {
  return format(texts.locale, newMessages[texts.locale]['new.agree.label']);
}

/** On the new-assessment form: record that the resident agrees to take part. */
export async function agreeToTakePart(page: Page, texts: Texts = english): Promise<void> {
  await page.getByLabel(agreeLabel(texts), { exact: true }).check();
}

/** Fill the "Start a new assessment" form and submit it; returns the new assessment's id. */
export async function startAssessment(
  page: Page,
  baseUrl: string,
  details: NewAssessment = {},
  texts: Texts = english,
): Promise<string> {
  await openNewAssessmentForm(page, baseUrl, texts);
  await agreeToTakePart(page, texts);
  if (details.residentRef !== undefined) {
    await page.getByLabel(texts.n('new.ref.label'), { exact: true }).fill(details.residentRef);
  }
  await group(page, texts.n('new.venue.legend'))
    .getByText(texts.n(`new.venue.${details.venue ?? 'library'}`), { exact: true })
    .click();
  await group(page, texts.n('new.set.legend'))
    .getByText(texts.n(`new.set.${details.set ?? 'full'}`), { exact: true })
    .click();
  await page.getByRole('button', { name: texts.n('new.submit'), exact: true }).click();
  await waitForStep(page, 1, texts);
  return stepOf(page).id;
}

/**
 * Wait until a service worker controls the page. The first visit installs it without claiming
 * the page (updates are prompted), so reload once if nothing controls it yet.
 */
export async function waitForServiceWorkerControl(
  page: Page,
  texts: Texts = english,
): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) {
    await page.reload();
    await unlockIfLocked(page, PIN, texts);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
  assert.equal(
    await page.evaluate(() => navigator.serviceWorker.controller !== null),
    true,
    'a service worker should control the page',
  );
}
