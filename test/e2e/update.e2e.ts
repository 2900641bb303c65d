/**
 * Updates never interrupt an interview: a new build is installed in the background, offered
 * only between assessments, and applied on request with the in-progress work intact.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  answer,
  assertChecked,
  footer,
  h1,
  iv,
  startAssessment,
  t,
  waitForServiceWorkerControl,
} from './support/app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { viteBuild } from './support/build.ts';
import { setUpWorker, unlock } from './support/gate.ts';
import { serve, type Served } from './support/server.ts';

let tmp: string;
let live: string;
let server: Served;
let browser: Browser;
let page: Page;

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'doorstep-update-'));
  live = path.join(tmp, 'live');
  // Two builds of the same code that differ only in their build id (about 5 s each).
  await viteBuild(path.join(tmp, 'a'), 'e2e-a');
  await viteBuild(path.join(tmp, 'b'), 'e2e-b');
  await cp(path.join(tmp, 'a'), live, { recursive: true });
  server = await serve(live);
  browser = await launchBrowser();
  // A page in an explicit context: axe needs one (browser.newPage() hides it).
  page = await (await browser.newContext()).newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Deploy a build: replace everything the server serves, as a real deploy would. */
async function deploy(build: string): Promise<void> {
  for (const entry of await readdir(live)) {
    await rm(path.join(live, entry), { recursive: true, force: true });
  }
  await cp(path.join(tmp, build), live, { recursive: true });
}

const version = (id: string) => t('app.version', { version: id });

test('a new version waits for the end of the interview, then applies on request', async () => {
  await setUpWorker(page, server);
  await waitForServiceWorkerControl(page);
  await footer(page).getByText(version('e2e-a'), { exact: true }).waitFor();

  await startAssessment(page, server.url, { residentRef: 'UPD-0001' });
  await answer(page, 'basics', 'B1', 2);
  await page.evaluate(() => {
    (window as unknown as { __marker?: number }).__marker = 1;
  });

  await deploy('b');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  // In the interview: told, not interrupted.
  await page.getByText(t('pwa.updateAfterAssessment'), { exact: true }).waitFor();
  assert.equal(
    await page.getByRole('button', { name: t('pwa.updateNow'), exact: true }).count(),
    0,
    'no update button during an interview',
  );
  assert.equal(await page.evaluate(() => (window as { __marker?: number }).__marker), 1);
  await assertChecked(page, 'basics', 'B1', 2);
  // Still the old version: the page was not reloaded under the interview.
  assert.equal(await footer(page).getByText(version('e2e-a'), { exact: true }).count(), 1);
  assert.equal(
    await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null,
    ),
    true,
    'the new service worker is installed and waiting',
  );
  await assertNoAxeViolations(page, 'interview with the update message');

  // Between assessments: offered.
  await page.getByRole('link', { name: iv('interview.later'), exact: true }).click();
  await h1(page, t('home.title')).waitFor();
  const updateNow = page.getByRole('button', { name: t('pwa.updateNow'), exact: true });
  await updateNow.waitFor();
  await page.getByText(t('pwa.updateReady'), { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => (window as { __marker?: number }).__marker), 1);
  await assertNoAxeViolations(page, 'home with the update offer');

  await updateNow.click();
  // The new version starts locked, like every page load: the worker unlocks to carry on.
  await unlock(page);
  await footer(page).getByText(version('e2e-b'), { exact: true }).waitFor();
  assert.equal(
    await page.evaluate(() => (window as { __marker?: number }).__marker),
    undefined,
    'the page reloaded into the new version',
  );
  await h1(page, t('home.title')).waitFor();
  const inProgress = page.locator('section', {
    has: page.getByRole('heading', { name: t('home.inProgress'), exact: true }),
  });
  await inProgress.getByRole('cell', { name: 'UPD-0001', exact: true }).waitFor();
  assert.ok(
    (await inProgress.innerText()).includes(t('home.answered', { answered: 1, count: 104 })),
  );
  assert.equal(
    await page.getByRole('button', { name: t('pwa.updateNow'), exact: true }).count(),
    0,
    'nothing left to update',
  );
  assert.deepEqual(
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        waiting: registration?.waiting ?? null,
        controlled: !!navigator.serviceWorker.controller,
      };
    }),
    { waiting: null, controlled: true },
  );
});
