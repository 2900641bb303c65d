/**
 * Driving Doorstep through its interface the way a person does: by the visible labels. All text
 * comes from the app's own message catalogue and question bank, so wording changes in one place.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import bank from '../../../src/domain/bank/bank-v1.json' with { type: 'json' };
import scale from '../../../src/domain/bank/scale-v1.json' with { type: 'json' };
import { translator } from '../../../src/ui/i18n/i18n.ts';

/** The English interface text, exactly as the app renders it. */
export const t = translator('en');

export type Facet = 'basics' | 'blockers' | 'skill' | 'interest';
export type Score = 0 | 1 | 2 | 3 | 4;
export type NonAnswer = 'dont-know' | 'not-applicable' | 'prefer-not-to-say';

/** The wording of an option: a score of a facet, or a non-answer. */
export function optionText(facet: Facet, answer: Score | NonAnswer): string {
  if (typeof answer === 'number') {
    const option = scale.options[facet].find((o) => o.score === answer);
    assert.ok(option, `no option ${answer} for ${facet}`);
    return option.text.en;
  }
  const missing = scale.missing.find((m) => m.id === answer);
  assert.ok(missing, `no non-answer ${answer}`);
  return missing.text.en;
}

export const SKILLS = bank.headings.flatMap((h) =>
  h.skills.map((s) => ({ id: s.id, headingId: h.id, label: s.text.en.label })),
);

export function skillLabel(skillId: string): string {
  const skill = SKILLS.find((s) => s.id === skillId);
  assert.ok(skill, `no skill ${skillId}`);
  return skill.label;
}

export function itemText(itemId: string): string {
  const item = [...bank.basics, ...bank.blockers].find((i) => i.id === itemId);
  assert.ok(item, `no item ${itemId}`);
  return item.text.en;
}

export function headingText(headingId: string): string {
  const heading = bank.headings.find((h) => h.id === headingId);
  assert.ok(heading, `no heading ${headingId}`);
  return heading.text.en;
}

/** The legend of a question's radio group. */
export function legendOf(facet: Facet, itemId: string): string {
  switch (facet) {
    case 'basics':
    case 'blockers':
      return itemText(itemId);
    case 'skill':
      return t('interview.skill.legend', { skill: skillLabel(itemId) });
    case 'interest':
      return t('interview.interest.legend', { skill: skillLabel(itemId) });
  }
}

/** Step titles of the full set, in order: step n of the interview is FULL_STEPS[n - 1]. */
export const FULL_STEPS = [
  t('interview.basics.title'),
  t('interview.blockers.title'),
  ...bank.headings.map((h) => h.text.en),
  t('interview.review.title'),
];

export function group(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

export function radio(page: Page, facet: Facet, itemId: string, answer: Score | NonAnswer) {
  return group(page, legendOf(facet, itemId)).getByLabel(optionText(facet, answer), {
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
): Promise<void> {
  const before = await committedAnswers(page);
  await group(page, legendOf(facet, itemId))
    .getByText(optionText(facet, value), { exact: true })
    .click();
  await page.waitForFunction(
    (n) => performance.getEntriesByName('doorstep:answer-saved').length > n,
    before,
  );
  assert.equal(await radio(page, facet, itemId, value).isChecked(), true);
}

/** Both questions of a skill. */
export async function answerSkill(
  page: Page,
  skillId: string,
  skill: Score | NonAnswer,
  interest: Score | NonAnswer,
): Promise<void> {
  await answer(page, 'skill', skillId, skill);
  await answer(page, 'interest', skillId, interest);
}

export async function assertChecked(
  page: Page,
  facet: Facet,
  itemId: string,
  value: Score | NonAnswer,
): Promise<void> {
  assert.equal(
    await radio(page, facet, itemId, value).isChecked(),
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
export async function waitForStep(page: Page, step: number): Promise<void> {
  await page.waitForURL((url) => STEP_URL.exec(url.pathname)?.[2] === String(step));
  await h1(page, FULL_STEPS[step - 1] ?? `no step ${step}`).waitFor();
}

export async function nextStep(page: Page): Promise<void> {
  const { step } = stepOf(page);
  await page.getByRole('button', { name: t('interview.next'), exact: true }).click();
  await waitForStep(page, step + 1);
}

export async function previousStep(page: Page): Promise<void> {
  const { step } = stepOf(page);
  await page.getByRole('button', { name: t('interview.back'), exact: true }).click();
  await waitForStep(page, step - 1);
}

/** From the review step: finish and wait for the results. */
export async function finish(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('interview.finish'), exact: true }).click();
  await page.waitForURL(/\/assessments\/[^/]+\/results$/);
  await h1(page, t('results.title')).waitFor();
}

export interface NewAssessment {
  readonly residentRef?: string;
  readonly venue?: 'library' | 'home-visit' | 'community-hub' | 'other';
  readonly set?: 'full' | 'short';
}

/** Open the new-assessment form from the home page. */
export async function openNewAssessmentForm(page: Page, baseUrl: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/' || !page.url().startsWith(baseUrl)) {
    await page.goto(baseUrl + '/');
  }
  await h1(page, t('home.title')).waitFor();
  await page.getByRole('link', { name: t('home.start'), exact: true }).click();
  await h1(page, t('new.title')).waitFor();
}

/** Fill the "Start a new assessment" form and submit it; returns the new assessment's id. */
export async function startAssessment(
  page: Page,
  baseUrl: string,
  details: NewAssessment = {},
): Promise<string> {
  await openNewAssessmentForm(page, baseUrl);
  if (details.residentRef !== undefined) {
    await page.getByLabel(t('new.ref.label'), { exact: true }).fill(details.residentRef);
  }
  await group(page, t('new.venue.legend'))
    .getByText(t(`new.venue.${details.venue ?? 'library'}`), { exact: true })
    .click();
  await group(page, t('new.set.legend'))
    .getByText(t(`new.set.${details.set ?? 'full'}`), { exact: true })
    .click();
  await page.getByRole('button', { name: t('new.submit'), exact: true }).click();
  await waitForStep(page, 1);
  return stepOf(page).id;
}

/**
 * Wait until a service worker controls the page. The first visit installs it without claiming
 * the page (updates are prompted), so reload once if nothing controls it yet.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) {
    await page.reload();
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
