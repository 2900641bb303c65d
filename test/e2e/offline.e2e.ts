/**
 * Offline first: once the device is set up online and the service worker controls the page, the
 * app starts, unlocks with the worker's PIN (the data key is unwrapped on the device) and runs the
 * whole assessment with no connection (reloads and deep links included), and the results are
 * computed on the device.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  answer,
  answerSkill,
  assertChecked,
  finish,
  h1,
  itemText,
  nextStep,
  startAssessment,
  stepOf,
  t,
  waitForServiceWorkerControl,
  waitForStep,
} from './support/app.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { PIN, openAt, reloadAndUnlock, setUpWorker } from './support/gate.ts';
import { serve, type Served } from './support/server.ts';

let server: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = await serve(DIST_E2E);
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The partial assessment answered below, and every answer it must still show after reloads.
const ANSWERS = [
  ['basics', 'B1', 3],
  ['basics', 'B2', 1],
  ['blockers', 'K1', 0],
  ['skill', 'GS01', 1],
  ['interest', 'GS01', 4],
  ['skill', 'GS05', 2],
  ['interest', 'GS05', 4],
  ['skill', 'GS06', 4],
  ['interest', 'GS06', 4],
  ['skill', 'TR05', 1],
  ['interest', 'TR05', 4],
] as const;

async function assertAllChecked(upToStep: number) {
  const stepOfFacet = (facet: string, itemId: string) =>
    facet === 'basics' ? 1 : facet === 'blockers' ? 2 : itemId.startsWith('GS') ? 3 : 6;
  for (const [facet, itemId, value] of ANSWERS) {
    if (stepOfFacet(facet, itemId) === upToStep) await assertChecked(page, facet, itemId, value);
  }
}

test('the app installs, then loads, runs and scores an assessment with no connection', async () => {
  // Online: the first visit sets the device up for a worker, installs the service worker and
  // says the app now works offline.
  await setUpWorker(page, server);
  await page.getByText(t('pwa.offlineReady'), { exact: true }).waitFor();
  await waitForServiceWorkerControl(page);

  // The app starts locked with no connection, and the PIN alone opens the worker's records.
  await context.setOffline(true);
  await reloadAndUnlock(page, PIN);
  await h1(page, t('home.title')).waitFor();
  await page.getByText(t('network.offline'), { exact: true }).waitFor();
  // Really offline: the server is still up, but the page cannot reach it.
  const reached = await page.evaluate(() =>
    fetch('/api/health', { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
  assert.equal(reached, false);

  // Start and answer part of an assessment, offline throughout.
  const id = await startAssessment(page, server.url, { residentRef: 'OFF-0001' });
  await answer(page, 'basics', 'B1', 3);
  await answer(page, 'basics', 'B2', 1);
  await nextStep(page);
  await answer(page, 'blockers', 'K1', 0);
  await nextStep(page);
  await answerSkill(page, 'GS01', 1, 4);
  await answerSkill(page, 'GS05', 2, 4);
  // Committed by the answer worker, whose script came from the cache like the rest.
  assert.ok(
    page.workers().some((worker) => new URL(worker.url()).pathname.includes('answer-worker')),
    `the answer worker runs offline (workers: ${page
      .workers()
      .map((w) => w.url())
      .join(', ')})`,
  );

  // A reload in the middle of a step: the shell comes from the service worker, the answers from
  // IndexedDB once unlocked, at the same step.
  await reloadAndUnlock(page, PIN);
  await waitForStep(page, 3);
  await assertChecked(page, 'skill', 'GS01', 1);
  await assertChecked(page, 'interest', 'GS01', 4);
  await assertChecked(page, 'skill', 'GS05', 2);
  await assertChecked(page, 'interest', 'GS05', 4);
  await answerSkill(page, 'GS06', 4, 4);

  // Deep links open offline through the navigation fallback.
  await openAt(page, server.url + '/', PIN);
  await h1(page, t('home.title')).waitFor();
  await page.getByRole('link', { name: t('home.resume.action'), exact: true }).waitFor();
  await openAt(page, `${server.url}/assessments/${id}/1`, PIN);
  await waitForStep(page, 1);
  await assertAllChecked(1);
  await openAt(page, `${server.url}/assessments/${id}/2`, PIN);
  await waitForStep(page, 2);
  await assertAllChecked(2);
  await openAt(page, `${server.url}/assessments/${id}/3`, PIN);
  await waitForStep(page, 3);
  await assertAllChecked(3);

  // Communicating and Handling information are left unanswered; Transacting is step 6.
  await nextStep(page);
  await nextStep(page);
  await nextStep(page);
  assert.equal(stepOf(page).step, 6);
  await answerSkill(page, 'TR05', 1, 4);
  await reloadAndUnlock(page, PIN);
  await waitForStep(page, 6);
  await assertAllChecked(6);
  for (let step = 6; step < 10; step++) await nextStep(page);
  await finish(page);

  // Section score = round(100 × Σ scores / (4 × answered)); low coverage when answered / items
  // < 50% or fewer than 3 answered (basics: fewer than 2).
  const sections = {
    // B1 3 + B2 1 = 4; 100 × 4 / (4 × 2) = 50. 2 of 3 answered (67%, 2 ≥ 2): not low.
    basics: { score: '50 out of 100', coverage: 'Based on 2 of 3 items', low: false },
    // K1 0; 100 × 0 / (4 × 1) = 0. 1 of 5: low coverage.
    blockers: { score: '0 out of 100', coverage: 'Based on 1 of 5 blockers', low: true },
    // GS01 1 + GS05 2 + GS06 4 + TR05 1 = 8; 100 × 8 / (4 × 4) = 50. 4 of 48: low.
    skill: { score: '50 out of 100', coverage: 'Based on 4 of 48 skills', low: true },
    // 4 + 4 + 4 + 4 = 16; 100 × 16 / (4 × 4) = 100. 4 of 48: low.
    interest: { score: '100 out of 100', coverage: 'Based on 4 of 48 skills', low: true },
  };
  for (const [facet, expected] of Object.entries(sections)) {
    const card = page.locator(`[data-section="${facet}"]`);
    assert.equal(await card.locator('.score-value').innerText(), expected.score, facet);
    const text = await card.innerText();
    assert.ok(text.includes(expected.coverage), `${facet}: ${text}`);
    assert.equal(text.includes(t('results.lowCoverage')), expected.low, `${facet}: ${text}`);
  }

  // Flags: a basics item or blocker scored 0 or 1. B2 = 1, K1 = 0 (B1 = 3 is not flagged).
  const flags = await page.locator('ul.flags > li').allInnerTexts();
  assert.deepEqual([...flags].sort(), [
    t('results.flag.access-gap', { item: itemText('B2') }),
    t('results.flag.significant-barrier', { item: itemText('K1') }),
  ]);
  assert.equal(
    flags[0],
    'Access gap: I have an internet connection (fixed broadband and/or mobile data)',
  );

  // Priority = (4 − skill) × interest; High ≥ 9, Medium 4–8, None 0.
  //   GS01 (4 − 1) × 4 = 12 High · TR05 (4 − 1) × 4 = 12 High · GS05 (4 − 2) × 4 = 8 Medium
  //   GS06 (4 − 4) × 4 = 0, not in the plan.
  // GS01 and TR05 tie on priority and interest: Getting started comes before Transacting.
  const plan = page.locator('ol.plan > li');
  assert.deepEqual(
    await plan.evaluateAll((items) => items.map((li) => li.getAttribute('data-skill'))),
    ['GS01', 'TR05', 'GS05'],
  );
  const [first = '', second = '', third = ''] = await plan.allInnerTexts();
  assert.match(first, /Turn on a device and sign in/);
  assert.match(first, /High priority/);
  assert.match(first, /Priority 12 of 16 · Getting started/);
  assert.match(second, /Pay bills online/);
  assert.match(second, /High priority/);
  assert.match(second, /Priority 12 of 16 · Transacting/);
  assert.match(third, /Connect to Wi-Fi/);
  assert.match(third, /Medium priority/);
  assert.match(third, /Priority 8 of 16 · Getting started/);

  // Per heading: Getting started skill (1 + 2 + 4) = 7; 100 × 7 / 12 = 58.3 → 58, 3 of 8 (low).
  const gettingStarted = await page.locator('[data-heading="getting-started"] td').allInnerTexts();
  assert.deepEqual(gettingStarted, ['58 (3 of 8, low coverage)', '100 (3 of 8, low coverage)']);
  const transacting = await page.locator('[data-heading="transacting"] td').allInnerTexts();
  assert.deepEqual(transacting, ['25 (1 of 8, low coverage)', '100 (1 of 8, low coverage)']);

  // The results themselves reopen offline from a deep link.
  await openAt(page, `${server.url}/assessments/${id}/results`, PIN);
  await h1(page, t('results.title')).waitFor();
  assert.equal(
    await page.locator('[data-section="basics"] .score-value').innerText(),
    '50 out of 100',
  );
});
