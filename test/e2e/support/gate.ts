/**
 * Workers on the device, from the outside: codes from a coordinator (through the API), setting a
 * device up and signing in through the gate's screens, and unlocking with a PIN after every
 * page load (the data key lives only in the page's memory).
 */
import type { Page } from 'playwright-core';
import {
  enrolmentCodeResponseSchema,
  type EnrolmentCodeRequest,
} from '../../../src/shared/council-api.ts';
import { english, h1, type Texts } from './app.ts';
import type { Served } from './server.ts';
import { apiOk } from './sync.ts';

/** The PIN every worker in these tests unlocks with, unless a test chooses another. */
export const PIN = '135792';

export interface Account {
  readonly username: string;
  readonly passphrase: string;
  readonly pin: string;
}

let accounts = 0;

/** A new account to choose with a code: a unique username, a passphrase and the usual PIN. */
export function newAccount(pin: string = PIN): Account {
  const n = ++accounts;
  return { username: `worker${n}.${process.pid}`, passphrase: `correct horse ${n}`, pin };
}

const coordinators = new WeakMap<Served, Promise<string>>();

/**
 * A token of the organisation's first administrator, for the API, enrolled with the first-start
 * code (so a test that uses this cannot also type that code into the app).
 */
export function adminToken(server: Served): Promise<string> {
  let token = coordinators.get(server);
  if (!token) {
    const code = server.firstStart?.code;
    if (!code) throw new Error('An empty database prints a first-start code');
    token = apiOk(server.url, null, '/api/enrol', {
      method: 'POST',
      body: { code, deviceName: 'Coordinator laptop' },
    })
      .then((response) => response.json())
      .then((body: { token: string }) => body.token);
    coordinators.set(server, token);
  }
  return token;
}

/** A one-time code for a new person of the organisation. */
export async function issueCode(
  server: Served,
  personName: string,
  role: EnrolmentCodeRequest['role'] = 'outreach-worker',
): Promise<string> {
  const response = await apiOk(server.url, await adminToken(server), '/api/enrolment-codes', {
    method: 'POST',
    body: { personName, role },
  });
  return enrolmentCodeResponseSchema.parse(await response.json()).code;
}

/**
 * Sets up a device that is not enrolled yet (the gate shows "Set up this device"), with a code:
 * the device's name, the worker's account and PIN. Lands on the worker's home screen.
 */
export async function setUpDevice(
  page: Page,
  code: string,
  options: { deviceName?: string; account?: Account; texts?: Texts } = {},
): Promise<Account> {
  const { t } = options.texts ?? english;
  const account = options.account ?? newAccount();
  await h1(page, t('enrol.title')).waitFor();
  await page.getByLabel(t('enrol.code.label'), { exact: true }).fill(code);
  await page
    .getByLabel(t('enrol.name.label'), { exact: true })
    .fill(options.deviceName ?? 'Library tablet');
  await fillAccount(page, account, options.texts ?? english);
  await page.getByRole('button', { name: t('enrol.submit'), exact: true }).click();
  await unlocked(page, options.texts ?? english);
  return account;
}

/** A worker new to an enrolled device uses their code on the gate. Lands on their home screen. */
export async function useCode(
  page: Page,
  code: string,
  account: Account = newAccount(),
  texts: Texts = english,
): Promise<Account> {
  const { t } = texts;
  await page.getByRole('button', { name: t('gate.other.code'), exact: true }).click();
  await h1(page, t('gate.code.title')).waitFor();
  await page.getByLabel(t('enrol.code.label'), { exact: true }).fill(code);
  await fillAccount(page, account, texts);
  await page.getByRole('button', { name: t('gate.code.submit'), exact: true }).click();
  await unlocked(page, texts);
  return account;
}

/** Signs in online on the gate (another worker, or one locked out after wrong PINs). */
export async function signIn(page: Page, account: Account, texts: Texts = english): Promise<void> {
  const { t } = texts;
  const heading = h1(page, t('gate.signIn.title'));
  if (!(await heading.isVisible())) {
    await page.getByRole('button', { name: t('gate.other.signIn'), exact: true }).click();
  }
  await heading.waitFor();
  await fillAccount(page, account, texts);
  await page.getByRole('button', { name: t('gate.signIn.submit'), exact: true }).click();
  await unlocked(page, texts);
}

async function fillAccount(page: Page, account: Account, { t }: Texts): Promise<void> {
  await page.getByLabel(t('gate.username.label'), { exact: true }).fill(account.username);
  await page.getByLabel(t('gate.passphrase.label'), { exact: true }).fill(account.passphrase);
  await page.getByLabel(t('gate.newPin.label'), { exact: true }).fill(account.pin);
}

/** A new device set up for a new outreach worker: the usual start of a test. */
export async function setUpWorker(
  page: Page,
  server: Served,
  options: { deviceName?: string; personName?: string; texts?: Texts } = {},
): Promise<Account> {
  const code = await issueCode(server, options.personName ?? 'Alex Morgan');
  await page.goto(server.url + '/');
  return setUpDevice(page, code, options);
}

/** The gate is gone: a worker's screens are shown (their lock button is in the navigation). */
export async function unlocked(page: Page, { t }: Texts = english): Promise<void> {
  await page.getByRole('button', { name: t('gate.lock'), exact: true }).waitFor();
}

/** Unlocks with a PIN: after every page load, the app starts locked. */
export async function unlock(page: Page, pin: string = PIN, texts: Texts = english): Promise<void> {
  const { t } = texts;
  await h1(page, t('gate.unlock.title')).waitFor();
  await page.getByLabel(t('gate.pin.label'), { exact: true }).fill(pin);
  await page.getByRole('button', { name: t('gate.unlock.submit'), exact: true }).click();
  await unlocked(page, texts);
}

/** Goes to an address of the app and unlocks it there. */
export async function openAt(
  page: Page,
  url: string,
  pin: string = PIN,
  texts: Texts = english,
): Promise<void> {
  await page.goto(url);
  await unlock(page, pin, texts);
}

/** Reloads the page and unlocks it: the same address, the same worker. */
export async function reloadAndUnlock(
  page: Page,
  pin: string = PIN,
  texts: Texts = english,
): Promise<void> {
  await page.reload();
  await unlock(page, pin, texts);
}

/**
 * After a page load: unlocks if the app shows the PIN screen; leaves the gate's other screens
 * (setting up, signing in) and an unlocked app as they are.
 */
export async function unlockIfLocked(
  page: Page,
  pin: string = PIN,
  texts: Texts = english,
): Promise<void> {
  const { t } = texts;
  const unlockTitle = h1(page, t('gate.unlock.title'));
  await page
    .getByRole('button', { name: t('gate.lock'), exact: true })
    .or(unlockTitle)
    .or(h1(page, t('enrol.title')))
    .or(h1(page, t('gate.signIn.title')))
    .first()
    .waitFor();
  if (await unlockTitle.isVisible()) await unlock(page, pin, texts);
}

/** The name of the most recently signed-in worker's database on this device. */
export function workerDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const device = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('doorstep-device');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const workers = await new Promise<{ dbName: string; signedInAt: number }[]>(
      (resolve, reject) => {
        const request = device.transaction('workers').objectStore('workers').getAll();
        request.onsuccess = () =>
          resolve(request.result as { dbName: string; signedInAt: number }[]);
        request.onerror = () => reject(request.error);
      },
    );
    device.close();
    const [latest] = workers.sort((a, b) => b.signedInAt - a.signedInAt);
    if (!latest) throw new Error('No worker is signed in on this device');
    return latest.dbName;
  });
}
