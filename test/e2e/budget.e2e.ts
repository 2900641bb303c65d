/**
 * The first-load budget on the production build: at most 70 KiB gzipped of HTML, JavaScript and
 * CSS before the first screen, which is the gate (setting up, unlocking, signing in), with the
 * worker's screens (home, new assessment, interview, results, sending) and workbox-window left
 * to load later.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FIRST_LOAD_BUDGET_KIB, measureFirstLoad } from '../bench/first-load.ts';
import { DIST_E2E } from './support/build.ts';

const LAZY = [
  // Nothing a worker sees once unlocked: the home screen loads while the PIN is checked.
  'HomeScreen',
  'SyncScreen',
  'NewAssessmentScreen',
  'InterviewScreen',
  'ResultsScreen',
  'workbox-window',
  // The question wording, and the other language.
  'text-v1.en',
  'cy-',
];

test(`the first load is at most ${FIRST_LOAD_BUDGET_KIB} KiB gzipped, in Welsh too`, async () => {
  const welsh = await measureFirstLoad(DIST_E2E, 'cy');
  assert.ok(
    welsh.bytesGzip <= FIRST_LOAD_BUDGET_KIB * 1024,
    `the Welsh first load is ${welsh.kib} KiB gzipped, over ${FIRST_LOAD_BUDGET_KIB} KiB`,
  );
  assert.ok(welsh.files.some((f) => /^assets\/cy-/.test(f.file)));
  assert.ok(!welsh.files.some((f) => /^assets\/en-/.test(f.file)), 'English loaded for Welsh');

  const firstLoad = await measureFirstLoad(DIST_E2E);
  const files = firstLoad.files.map((f) => f.file);
  const report = firstLoad.files.map((f) => `${f.file} ${f.bytesGzip} B`).join('\n');

  assert.ok(files.includes('index.html'));
  assert.ok(
    files.some((f) => f.endsWith('.js')),
    `no script found:\n${report}`,
  );
  assert.ok(
    files.some((f) => f.endsWith('.css')),
    `no stylesheet found:\n${report}`,
  );
  assert.ok(
    firstLoad.bytesGzip <= FIRST_LOAD_BUDGET_KIB * 1024,
    `first load is ${firstLoad.kib} KiB gzipped, over ${FIRST_LOAD_BUDGET_KIB} KiB:\n${report}`,
  );

  // The gate is in the first load: its forms are what every page load shows first.
  const scripts = await Promise.all(
    files.filter((f) => f.endsWith('.js')).map((f) => readFile(path.join(DIST_E2E, f), 'utf8')),
  );
  for (const form of ['gate-unlock', 'gate-sign-in', 'gate-code']) {
    assert.ok(
      scripts.some((code) => code.includes(form)),
      `the gate's ${form} form is not in the first load:\n${report}`,
    );
  }

  // The lazy chunks exist in the build and none of them is in the first load.
  const assets = await readdir(path.join(DIST_E2E, 'assets'));
  for (const name of LAZY) {
    const chunk = assets.find((a) => a.startsWith(name) && a.endsWith('.js'));
    assert.ok(chunk, `no ${name} chunk in the build: ${assets.join(', ')}`);
    assert.ok(!files.includes(`assets/${chunk}`), `${chunk} is in the first load:\n${report}`);
  }
});
