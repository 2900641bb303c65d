/**
 * A crash mid-assessment loses nothing that was acknowledged: the browser process is killed
 * with SIGKILL (no unload, no clean shutdown), reopened on the same profile, where the app starts
 * locked; unlocked with the worker's PIN, the interview carries on at the same step with every
 * answer still there.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  answer,
  answerSkill,
  assertChecked,
  h1,
  nextStep,
  startAssessment,
  t,
  waitForStep,
} from './support/app.ts';
import { browserPidFor, launchPersistent } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { openAt, setUpWorker } from './support/gate.ts';
import { serve, type Served } from './support/server.ts';

let server: Served;
let profile: string;
const contexts: BrowserContext[] = [];

before(async () => {
  server = await serve(DIST_E2E);
  profile = await mkdtemp(path.join(tmpdir(), 'doorstep-crash-'));
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

/** Wait until the process has gone, so the profile is free to reopen. */
async function waitForExit(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('answers survive the browser being killed mid-assessment', async () => {
  const first = await launchPersistent(profile);
  contexts.push(first);
  const page = first.pages()[0] ?? (await first.newPage());
  await setUpWorker(page, server);
  const id = await startAssessment(page, server.url, { residentRef: 'CRASH-7' });
  await answer(page, 'basics', 'B1', 4);
  await answer(page, 'basics', 'B2', 'dont-know');
  await answer(page, 'basics', 'B3', 2);
  await nextStep(page);
  await answer(page, 'blockers', 'K1', 3);
  await answer(page, 'blockers', 'K5', 'prefer-not-to-say');
  await nextStep(page);
  // Step 3, Getting started: answer() returns only once each answer is committed to IndexedDB.
  await answerSkill(page, 'GS01', 2, 3);
  await answer(page, 'skill', 'GS02', 0);

  // Kill the whole browser (its process group: browser, renderers, utilities) with no warning.
  const pid = await browserPidFor(profile);
  process.kill(-pid, 'SIGKILL');
  await waitForExit(pid);
  await first.close().catch(() => {});

  const second = await launchPersistent(profile);
  contexts.push(second);
  const again = second.pages()[0] ?? (await second.newPage());
  // The key was only in the killed page's memory: the app starts locked, and the PIN opens it.
  await openAt(again, server.url + '/');
  await h1(again, t('home.title')).waitFor();
  const resume = again.locator('section', {
    has: again.getByRole('heading', { name: t('home.resume.title'), exact: true }),
  });
  await resume.waitFor();
  const body = await resume.innerText();
  assert.match(body, /The assessment for CRASH-7, started on .+, is not finished\./);
  // 3 basics + 2 blockers + 3 skill questions; the full set asks 3 + 5 + 96 = 104.
  assert.ok(body.includes(t('home.answered', { answered: 8, count: 104 })), body);

  await resume.getByRole('link', { name: t('home.resume.action'), exact: true }).click();
  await waitForStep(again, 3);
  assert.equal(new URL(again.url()).pathname, `/assessments/${id}/3`);
  await assertChecked(again, 'skill', 'GS01', 2);
  await assertChecked(again, 'interest', 'GS01', 3);
  await assertChecked(again, 'skill', 'GS02', 0);
  assert.equal(
    await again.getByRole('radio', { checked: true }).count(),
    3,
    'nothing else on the step is checked',
  );
  await nextStep(again);
  await openAt(again, `${server.url}/assessments/${id}/1`);
  await waitForStep(again, 1);
  await assertChecked(again, 'basics', 'B1', 4);
  await assertChecked(again, 'basics', 'B2', 'dont-know');
  await assertChecked(again, 'basics', 'B3', 2);
  await openAt(again, `${server.url}/assessments/${id}/2`);
  await waitForStep(again, 2);
  await assertChecked(again, 'blockers', 'K1', 3);
  await assertChecked(again, 'blockers', 'K5', 'prefer-not-to-say');
});
