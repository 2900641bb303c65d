/**
 * Sending, end to end in Chromium: the app is enrolled through its own screens, captures three
 * assessments with no connection, sends them by itself when the connection returns, and the
 * coordinator finds exactly those three, with the scores the device showed, on /received and in
 * the CSV. A device signed out by a coordinator is told so plainly and keeps its records.
 * Every page load starts locked: the test unlocks with the worker's PIN after each one.
 *
 * The page reaches the real server (in-memory PGlite) through a proxy that passes everything, so
 * the network can be cut in the browser (context.setOffline) or between browser and server.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bankV1, type Assessment } from '../../src/domain/index.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import type { Enrolment } from '../../src/storage/settings-store.ts';
import { parseCsv } from '../server/support/csv.ts';
import {
  answer,
  answerSkill,
  finish,
  h1,
  iv,
  nextStep,
  startAssessment,
  t,
  waitForServiceWorkerControl,
  waitForStep,
} from './support/app.ts';
import { launchBrowser } from './support/browser.ts';
import { DIST_E2E } from './support/build.ts';
import { PIN, openAt, reloadAndUnlock } from './support/gate.ts';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.ts';
import {
  FACET_ORDER,
  assessmentsOf,
  enrolThroughUi,
  eventually,
  exactly,
  indicator,
  messagePattern,
  openSyncScreen,
  outboxOf,
  parseMessage,
  parseSectionCell,
  readResults,
  receiptsOf,
  receivedByServer,
  syncRow,
  waitForIndicator,
  writeRows,
  type ShownResults,
  type ShownSection,
} from './support/sync.ts';

let server: RunningServer;
let proxy: FaultProxy;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Set to cut the connection between the browser and the server at the proxy. */
let cut = false;
/** Pushes that reached the proxy, by path, in order. */
const requests: string[] = [];

const DEVICE_NAME = 'Library tablet 1';
let enrolment: Enrolment;
/** What the device's results screen showed for each captured assessment, by id. */
const shown = new Map<string, { ref: string | null; results: ShownResults }>();

before(async () => {
  server = await startServer({ staticDir: DIST_E2E });
  proxy = await startFaultProxy({
    target: server.url,
    fault: ({ path }) => {
      requests.push(path);
      return cut ? { kind: 'drop' } : { kind: 'pass' };
    },
  });
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});

const base = () => proxy.url;
const pushes = () => requests.filter((p) => p === '/api/push').length;

test('the app installs through the proxy and is set up on the gate with the first-start code', async () => {
  const code = server.firstStart?.code;
  assert.ok(code, 'an empty database prints a first-start code');
  await page.goto(base() + '/');
  // Not set up yet: the gate asks for a code, and nothing of a worker's is shown.
  await h1(page, t('enrol.title')).waitFor();
  await page.getByText(t('pwa.offlineReady'), { exact: true }).waitFor();
  await waitForServiceWorkerControl(page);
  await h1(page, t('enrol.title')).waitFor();
  assert.equal(await indicator(page).count(), 0, 'no sending indicator before set-up');

  enrolment = await enrolThroughUi(page, base(), code, DEVICE_NAME);
  assert.equal(enrolment.person.role, 'administrator');
  assert.equal(enrolment.device.name, DEVICE_NAME);
  await waitForIndicator(page, t('sync.indicator.allSent'));
  // An administrator sees the coordinator's screens in the navigation.
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: t('nav.received'), exact: true }).waitFor();
  await nav.getByRole('link', { name: t('nav.devices'), exact: true }).waitFor();
});

/** Jump to the review step of the current interview (answers are committed as they are given). */
async function goToReview(set: 'full' | 'short') {
  const review = set === 'full' ? 10 : 9;
  await openAt(page, page.url().replace(/\/\d+$/, `/${review}`));
  await h1(page, iv('interview.review.title')).waitFor();
}

async function remember(ref: string | null) {
  const id = /\/assessments\/([^/]+)\/results$/.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id, `not on a results page: ${page.url()}`);
  shown.set(id, { ref, results: await readResults(page) });
}

test('three assessments captured offline wait on the device, counted on every screen', async () => {
  await context.setOffline(true);
  // A page load while offline: the service worker serves the app, which starts locked.
  await openAt(page, base() + '/');
  await page.getByText(t('network.offline'), { exact: true }).waitFor();

  // 1: a full set with a plan, answers on the first three steps.
  await startAssessment(page, base(), { residentRef: 'SYNC-0001', venue: 'library' });
  await answer(page, 'basics', 'B1', 4);
  await answer(page, 'basics', 'B2', 3);
  await answer(page, 'basics', 'B3', 'dont-know');
  await nextStep(page);
  await answer(page, 'blockers', 'K1', 0);
  await answer(page, 'blockers', 'K2', 2);
  await nextStep(page);
  await answerSkill(page, 'GS01', 1, 4);
  await answerSkill(page, 'GS02', 0, 3);
  await answerSkill(page, 'GS03', 3, 2);
  await goToReview('full');
  await finish(page);
  await remember('SYNC-0001');

  // 2: another full set, other answers, and skills on a later step.
  await startAssessment(page, base(), { residentRef: 'SYNC-0002', venue: 'home-visit' });
  await answer(page, 'basics', 'B1', 1);
  await answer(page, 'basics', 'B2', 1);
  await answer(page, 'basics', 'B3', 2);
  await nextStep(page);
  await answer(page, 'blockers', 'K3', 4);
  await answer(page, 'blockers', 'K4', 1);
  await answer(page, 'blockers', 'K5', 3);
  await nextStep(page);
  await answerSkill(page, 'GS05', 2, 4);
  await nextStep(page);
  await waitForStep(page, 4);
  await answerSkill(page, 'CM01', 0, 4);
  await answerSkill(page, 'CM02', 4, 4);
  await goToReview('full');
  await finish(page);
  await remember('SYNC-0002');

  // 3: the short set, no resident reference.
  await startAssessment(page, base(), { venue: 'community-hub', set: 'short' });
  await answer(page, 'basics', 'B1', 0);
  await answer(page, 'basics', 'B3', 4);
  await nextStep(page);
  await answer(page, 'blockers', 'K1', 1);
  await nextStep(page);
  await answerSkill(page, 'GS06', 1, 3);
  await answerSkill(page, 'GS01', 2, 1);
  await goToReview('short');
  await finish(page);
  await remember(null);

  // They differ from one another on screen, so that the comparisons below mean something.
  const seen = new Set([...shown.values()].map((s) => JSON.stringify(s.results)));
  assert.equal(seen.size, 3);

  await waitForIndicator(page, t('sync.indicator.unsent', { count: 3 }));
  await openSyncScreen(page);
  await waitForIndicator(page, '3 assessments not yet on the server');
  for (const [id] of shown) {
    // Either not tried yet, or tried while offline and postponed with the reason.
    const text = await syncRow(page, id).locator('[data-status="waiting"]').innerText();
    assert.ok(
      text === t('status.waiting') || parseMessage('status.waitingAfterError', text) !== null,
      text,
    );
  }
  assert.equal((await outboxOf(page)).length, 3);
  assert.equal(pushes(), 0, 'nothing left the browser while it was offline');
});

test('when the connection returns, the app sends them by itself', async () => {
  // Failed tries offline are postponed with backoff. Push the next try an hour out, as after
  // many failures: then only the connection coming back (the `online` trigger, which makes
  // everything due at once) can explain a send within seconds.
  const sendNow = page.getByRole('button', { name: t('sync.sendNow'), exact: true });
  await sendNow.waitFor();
  await eventually(() => sendNow.isEnabled(), 'the last offline drain to finish');
  const later = Date.now() + 60 * 60_000;
  const entries = await outboxOf(page);
  await writeRows(
    page,
    entries.map((e) => ({ store: 'outbox' as const, value: { ...e, nextAttemptAt: later } })),
  );
  assert.ok((await outboxOf(page)).every((e) => e.nextAttemptAt >= later));

  await context.setOffline(false);
  await waitForIndicator(page, t('sync.indicator.allSent'), 20_000);
  assert.ok(pushes() >= 1);
  assert.deepEqual(await outboxOf(page), []);
  await page.getByText(t('sync.none'), { exact: true }).waitFor();

  // A receipt for each, at the revision the device holds.
  const stored = new Map((await assessmentsOf(page)).map((a) => [a.id, a]));
  const receipts = await receiptsOf(page);
  assert.deepEqual(receipts.map((r) => r.id).sort(), [...shown.keys()].sort());
  for (const receipt of receipts) assert.equal(receipt.revision, stored.get(receipt.id)?.revision);

  // The home list says so for each.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: t('nav.assessments') })
    .click();
  await h1(page, t('home.title')).waitFor();
  const finished = page.locator('section[aria-labelledby="finished"] tbody tr');
  await eventually(async () => (await finished.count()) === 3, 'three finished rows');
  for (const row of await finished.all()) {
    const status = row.locator('[data-status]');
    assert.equal(await status.getAttribute('data-status'), 'received');
    assert.ok(parseMessage('status.received', await status.innerText()));
  }
});

test('the coordinator sees exactly the three, with the scores the device showed, and as CSV', async () => {
  // Coordinator screens need the server: cut at the proxy, /received says so plainly.
  cut = true;
  await page
    .getByRole('navigation')
    .getByRole('link', { name: t('nav.received') })
    .click();
  await h1(page, t('received.title')).waitFor();
  await page
    .getByRole('alert')
    .filter({
      hasText: exactly(t('online.needed', { reason: 'The server could not be reached.' })),
    })
    .waitFor();
  cut = false;
  await reloadAndUnlock(page);
  await h1(page, t('received.title')).waitFor();
  const rows = page.locator('tbody tr[data-record]');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  for (const [id, { ref, results }] of shown) {
    const row = page.locator(`tbody tr[data-record="${id}"]`);
    assert.equal(await row.locator('td').first().innerText(), ref ?? t('home.anonymous'));
    for (const facet of FACET_ORDER) {
      const cell = parseSectionCell(await row.locator(`[data-section="${facet}"]`).innerText());
      const device = results.sections[facet];
      assert.deepEqual(
        { score: cell.score, answered: cell.answered, total: cell.total },
        { score: device.score, answered: device.answered, total: device.total },
        `${ref} ${facet}`,
      );
      if (device.score !== null) assert.equal(cell.lowCoverage, device.lowCoverage);
    }
    await row
      .getByText(t('received.sentBy', { person: enrolment.person.name, device: DEVICE_NAME }))
      .waitFor();
  }

  // The CSV, through the button, as the coordinator downloads it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('received.csv'), exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'doorstep-assessments.csv');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header = [], ...records] = parseCsv(text).filter((r) => r.some((c) => c !== ''));
  assert.equal(records.length, 3, 'exactly three rows');
  const column = (row: string[], name: string) => {
    const index = header.indexOf(name);
    assert.ok(index >= 0, `no column ${name}`);
    return row[index] ?? '';
  };
  const stored = new Map((await assessmentsOf(page)).map((a) => [a.id, a]));
  assert.deepEqual(records.map((r) => column(r, 'assessment_id')).sort(), [...shown.keys()].sort());
  for (const row of records) {
    const id = column(row, 'assessment_id');
    const device = shown.get(id);
    const assessment = stored.get(id);
    assert.ok(device, `the CSV has ${id}, which this device did not capture`);
    assert.ok(assessment);
    assert.equal(column(row, 'resident_ref'), device.ref ?? '');
    assert.equal(column(row, 'revision'), String(assessment.revision));
    assert.equal(column(row, 'device_name'), DEVICE_NAME);
    for (const facet of FACET_ORDER) {
      const s: ShownSection = device.results.sections[facet];
      assert.equal(column(row, `${facet}_score`), s.score === null ? '' : String(s.score), facet);
      assert.equal(column(row, `${facet}_answered`), String(s.answered), facet);
      if (s.score !== null) {
        assert.equal(column(row, `${facet}_low_coverage`), s.lowCoverage ? 'yes' : 'no', facet);
      }
    }
    const plan = [1, 2, 3, 4, 5]
      .map((n) => ({
        skillId: column(row, `plan_${n}`),
        priority: column(row, `plan_${n}_priority`),
        band: column(row, `plan_${n}_band`),
      }))
      .filter((p) => p.skillId !== '')
      .map((p) => ({ ...p, priority: Number(p.priority) }));
    assert.deepEqual(plan, device.results.plan, `${device.ref} plan`);
    assertAnswersInCsv(assessment, (name) => column(row, name));
  }

  // The server's own list agrees.
  const held = await receivedByServer(server.url, enrolment.token);
  assert.deepEqual(held.map((a) => a.id).sort(), [...shown.keys()].sort());
});

/** Every answer the device stored is in the CSV row; a question not asked is empty. */
function assertAnswersInCsv(assessment: Assessment, column: (name: string) => string) {
  const expect = (name: string, value: unknown) =>
    assert.equal(column(name), value === undefined ? '' : String(value), name);
  for (const item of bankV1.basics) expect(item.id, assessment.answers.basics[item.id]);
  for (const item of bankV1.blockers) expect(item.id, assessment.answers.blockers[item.id]);
  for (const skill of bankV1.skills) {
    expect(`skill_${skill.id}`, assessment.answers.skill[skill.id]);
    expect(`interest_${skill.id}`, assessment.answers.interest[skill.id]);
  }
}

test('a device signed out by the coordinator is told plainly on /sync and keeps its records', async () => {
  // The coordinator creates a code on /devices for a second person.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: t('nav.devices') })
    .click();
  await h1(page, t('devices.title')).waitFor();
  await page.getByLabel(t('devices.code.person'), { exact: true }).fill('Sam Jones');
  await page
    .getByRole('group', { name: t('devices.code.role') })
    .getByText(t('role.outreach-worker'), { exact: true })
    .click();
  // Creating a code refreshes the device list; the code must still be on screen afterwards.
  const listed = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/devices' && r.status() === 200,
  );
  await page.getByRole('button', { name: t('devices.code.submit'), exact: true }).click();
  await listed;
  await page.getByRole('heading', { name: t('devices.list.title') }).waitFor();
  const shownCode = page.locator('.enrolment-code');
  assert.equal(await shownCode.isVisible(), true, 'the new code is still shown');
  const code = await shownCode.getAttribute('data-code');
  assert.ok(code);

  // The second device enrols with it, installs the app, then captures one assessment offline.
  const secondContext = await browser.newContext();
  try {
    const second = await secondContext.newPage();
    await second.goto(base() + '/');
    await h1(second, t('enrol.title')).waitFor();
    await waitForServiceWorkerControl(second);
    const secondDevice = 'Outreach tablet 2';
    const own = await enrolThroughUi(second, base(), code, secondDevice);
    assert.equal(own.person.role, 'outreach-worker');
    // An outreach worker does not see the coordinator's screens.
    assert.equal(await second.getByRole('link', { name: t('nav.devices') }).count(), 0);

    await secondContext.setOffline(true);
    const id = await startAssessment(second, base(), { residentRef: 'SYNC-REVOKED' });
    await answer(second, 'basics', 'B1', 2);
    await openAt(second, second.url().replace(/\/\d+$/, '/10'));
    await h1(second, iv('interview.review.title')).waitFor();
    await finish(second);
    await waitForIndicator(second, t('sync.indicator.unsent', { count: 1 }));

    // Meanwhile the coordinator signs that device out on /devices.
    await reloadAndUnlock(page);
    await h1(page, t('devices.title')).waitFor();
    // The list shows the physical device with its worker's session (own.device) beneath it; the
    // coordinator signs out the device itself, which signs out the session with it.
    const revokeDevice = page.getByRole('button', {
      name: t('devices.revokeFor', { device: secondDevice }),
      exact: true,
    });
    const physical = page
      .locator(`tr[data-device]:not([data-device="${own.device.id}"])`)
      .filter({ has: revokeDevice });
    await revokeDevice.waitFor();
    assert.equal(await physical.count(), 1, 'one physical device of that name');
    const physicalId = await physical.getAttribute('data-device');
    await page
      .locator(`tr[data-device="${own.device.id}"][data-session-of="${physicalId}"]`)
      .waitFor();
    await physical.getByRole('button').click();
    // It asks first, saying that the workers signed in on it are signed out with it.
    await page.getByText(t('devices.confirm.body'), { exact: true }).waitFor();
    await page.getByRole('button', { name: t('devices.confirm.yes'), exact: true }).click();
    for (const id of [physicalId, own.device.id]) {
      await page
        .locator(`tr[data-device="${id}"]`)
        .locator('td')
        .nth(3)
        .filter({ hasText: messagePattern('devices.revoked') })
        .waitFor();
    }

    // The connection returns: the device tries to send and is told plainly why it cannot.
    await secondContext.setOffline(false);
    await openSyncScreen(second);
    const told = t('sync.last.signedOut', {
      reason: 'This device has been signed out. Enrol it again with a code from your coordinator.',
    });
    await second
      .getByRole('alert')
      .filter({ hasText: exactly(told) })
      .waitFor();

    // And keeps what it has: the record, its outbox entry, its results.
    await syncRow(second, id).locator('[data-status="waiting"]').waitFor();
    await waitForIndicator(second, t('sync.indicator.unsent', { count: 1 }));
    assert.deepEqual(
      (await outboxOf(second)).map((e) => e.id),
      [id],
    );
    // A reload (the app starting again) tries again and says the same.
    await reloadAndUnlock(second);
    await h1(second, t('sync.title')).waitFor();
    await second
      .getByRole('alert')
      .filter({ hasText: exactly(told) })
      .waitFor();
    await openAt(second, `${base()}/assessments/${id}/results`, PIN);
    await h1(second, t('results.title')).waitFor();
    assert.equal((await assessmentsOf(second)).length, 1);

    // The server never took it.
    const held = await receivedByServer(server.url, enrolment.token);
    assert.equal(held.length, 3);
    assert.equal(
      held.some((a) => a.id === id),
      false,
    );
  } finally {
    await secondContext.close();
  }
});
