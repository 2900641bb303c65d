import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/domain/index.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const enrolment = {
  token: 'secret-token',
  device: { id: 'd1', name: 'Library tablet 2' },
  person: { id: 'p1', name: 'Sam Jones', role: 'outreach-worker' as const },
  organisation: { id: 'o1', name: 'Newport Council' },
  enrolledAt: 1,
};

const details = {
  residentRef: 'LIB-0042',
  venue: 'library',
  date: '2026-11-21',
  set: 'short',
  language: 'en',
} as const;

async function finishedOnDevice(
  device: Parameters<NonNullable<Parameters<typeof renderApp>[1]>>[0],
) {
  await new SettingsStore(device.db).saveEnrolment(enrolment);
  await device.store.create(newAssessment(details, { id: 'a1', now: 1 }));
  await device.store.finish('a1', []);
}

describe('the sending status', () => {
  it('counts the assessments not yet on the server on every screen', async () => {
    await renderApp('/', finishedOnDevice);
    expect(await screen.findByText('1 assessment not yet on the server')).toBeTruthy();
  });

  it('says when the device is not set up to send, and keeps assessments on the device', async () => {
    await renderApp('/sync');
    expect(
      await screen.findByText(/This device is not set up to send assessments yet/),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Set up this device' }).getAttribute('href')).toBe(
      '/enrol',
    );
  });

  it('shows a record that could not be sent as waiting, with the reason, when offline', async () => {
    const app = await renderApp('/sync', finishedOnDevice);
    await app.sync.trigger('manual');
    const row = await screen.findByText(
      /Waiting to send. Last try: The server could not be reached./,
    );
    expect(row).toBeTruthy();
    expect(
      await screen.findByText(/Could not send just now: The server could not be reached./),
    ).toBeTruthy();
  });

  it('shows a rejected record with its reason, and lets the worker retry or export it alone', async () => {
    const app = await renderApp('/', async (device) => {
      await finishedOnDevice(device);
      await new OutboxStore(device.db).reject('a1', {
        code: 'unknown_item',
        message: 'The answer to X9 is not in this question bank.',
        at: 2,
      });
    });
    const finished = await screen.findByRole('region', { name: 'Finished' });
    expect(
      await within(finished).findByText(
        'Not accepted by the server: The answer to X9 is not in this question bank.',
      ),
    ).toBeTruthy();
    expect(
      within(finished).getByRole('button', { name: 'Export the assessment for LIB-0042' }),
    ).toBeTruthy();
    fireEvent.click(
      within(finished).getByRole('button', {
        name: 'Try sending the assessment for LIB-0042 again',
      }),
    );
    await waitFor(async () => {
      const [entry] = await app.outbox.entries();
      expect(entry).toMatchObject({ id: 'a1', state: 'waiting' });
    });
  });
});

describe('signing out', () => {
  it('refuses to delete unsent assessments until the worker confirms, and says how many', async () => {
    const app = await renderApp('/sync', finishedOnDevice);
    expect(await screen.findByText(/1 assessment is not on the server yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out and delete unsent assessments' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#confirm-delete');
    expect((await app.store.list()).length).toBe(1);
    expect(await app.settings.enrolment()).not.toBeNull();

    fireEvent.click(screen.getByLabelText('I understand that 1 assessment will be deleted'));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out and delete unsent assessments' }));
    await waitFor(async () => expect(await app.settings.enrolment()).toBeNull());
    expect(await app.store.list()).toEqual([]);
    expect(await app.outbox.entries()).toEqual([]);
  });
});

describe('enrolling this device', () => {
  it('fills in the code from a scanned QR code link', async () => {
    await renderApp('/enrol?code=ABCD-EFGH-JKMN');
    const input = (await screen.findByLabelText('Enrolment code')) as HTMLInputElement;
    expect(input.value).toBe('ABCD-EFGH-JKMN');
  });

  it('says plainly when the server cannot be reached, and keeps what was typed', async () => {
    await renderApp('/enrol');
    fireEvent.input(await screen.findByLabelText('Enrolment code'), { target: { value: 'ABCD' } });
    fireEvent.input(screen.getByLabelText('Name for this device'), {
      target: { value: 'Tablet 2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set up this device' }));
    expect(await screen.findByText('The server could not be reached.')).toBeTruthy();
    expect((screen.getByLabelText('Name for this device') as HTMLInputElement).value).toBe(
      'Tablet 2',
    );
  });
});
