import { gunzipSync } from 'node:zlib';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/domain/index.ts';
import type { PushRequest } from '../../src/shared/protocol.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import type { Fetch } from '../../src/sync/client.ts';
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
    const app = await renderApp('/sync');
    expect(
      await screen.findByText(/This device is not set up to send assessments yet/),
    ).toBeTruthy();
    // Signing in again is done on the gate: the button locks the app, which shows it.
    fireEvent.click(screen.getByRole('button', { name: 'Sign in online' }));
    expect(app.sessionCalls).toEqual(['lock']);
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
    // Signed out, the app leaves the screen (and the next test's address alone).
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });
});

describe('what signing out would lose, and the ways to keep it', () => {
  const SLOW = 60_000; // each file's key takes 600,000 rounds of PBKDF2

  /** A server that may be unreachable, and keeps every assessment pushed to it. */
  function fakeServer() {
    const server = { online: false, received: [] as string[], fetch: null as unknown as Fetch };
    server.fetch = async (input, init) => {
      if (!server.online) throw new TypeError('Failed to fetch');
      const url = new URL(input);
      if (url.pathname !== '/api/push') return new Response('{}', { status: 200 });
      const body = init?.body as Uint8Array | string;
      const text = typeof body === 'string' ? body : gunzipSync(body).toString('utf8');
      const { records } = JSON.parse(text) as PushRequest;
      server.received.push(...records.map((r) => r.id));
      const results = records.map((r) => ({
        id: r.id,
        status: 'accepted',
        receipt: { id: r.id, revision: r.revision, receivedAt: '2026-11-21T10:00:00.000Z' },
      }));
      return new Response(JSON.stringify({ results }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    return server;
  }

  /** Captures what the app downloads (jsdom has no object URLs). */
  function downloads() {
    const files: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob) => {
      files.push(blob);
      return 'blob:doorstep-test';
    };
    URL.revokeObjectURL = () => {};
    // An anchor's click would navigate, which jsdom does not do.
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => {};
    return {
      files,
      restore() {
        URL.createObjectURL = original.create;
        URL.revokeObjectURL = original.revoke;
        HTMLAnchorElement.prototype.click = click;
      },
    };
  }

  const signOutSection = () => screen.getByRole('region', { name: 'Sign out of this device' });

  it('lists each unsent or unfinished assessment with its reference, date and status', async () => {
    await renderApp('/sync', async (device) => {
      await finishedOnDevice(device);
      await device.store.create(
        newAssessment(
          { ...details, residentRef: 'LIB-0043', date: '2026-11-20' },
          { id: 'a2', now: 2 },
        ),
      );
    });
    const list = await screen.findByRole('region', { name: 'Assessments not on the server' });
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(3));
    const rows = within(list)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows.slice(1).sort()).toEqual([
      ['LIB-0042', '21 November 2026', 'Finished, waiting to send'],
      ['LIB-0043', '20 November 2026', 'Not finished'],
    ]);
    const section = signOutSection();
    expect(within(section).getByText(/2 assessments are not on the server yet/)).toBeTruthy();
    expect(
      within(section).getByText(/Keep working and send later: you do not have to sign out/),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Send them now' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Export an encrypted file' })).toBeTruthy();
    // No plain export on the way out any more.
    expect(within(section).queryByRole('button', { name: 'Export unsent assessments' })).toBeNull();
  });

  it('sends now on request; once nothing is left, signing out needs no confirmation', async () => {
    const server = fakeServer();
    const app = await renderApp('/sync', finishedOnDevice, { fetch: server.fetch });
    const section = await screen.findByRole('region', { name: 'Sign out of this device' });
    await within(section).findByRole('region', { name: 'Assessments not on the server' });

    fireEvent.click(within(section).getByRole('button', { name: 'Send them now' }));
    expect(
      await within(section).findByText('1 assessment is still not on the server.'),
    ).toBeTruthy();
    expect(server.received).toEqual([]);

    server.online = true;
    fireEvent.click(within(section).getByRole('button', { name: 'Send them now' }));
    expect(
      await within(section).findByText('Everything has reached the server. You can sign out.'),
    ).toBeTruthy();
    expect(server.received).toEqual(['a1']);
    expect(
      within(section).queryByRole('region', { name: 'Assessments not on the server' }),
    ).toBeNull();
    expect(within(section).queryByRole('checkbox')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Sign out' }));
    await waitFor(async () => expect(await app.settings.enrolment()).toBeNull());
    expect(await app.store.list()).toEqual([]);
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it(
    'exports only with a passphrase of 10 characters typed twice the same, encrypted',
    async () => {
      const saved = downloads();
      try {
        await renderApp('/sync', finishedOnDevice);
        const section = await screen.findByRole('region', { name: 'Sign out of this device' });
        fireEvent.click(
          await within(section).findByRole('button', { name: 'Export an encrypted file' }),
        );
        const passphrase = await screen.findByLabelText('Passphrase for the file');
        const repeat = screen.getByLabelText('Type the passphrase again');
        const download = () =>
          fireEvent.click(screen.getByRole('button', { name: 'Download the encrypted file' }));

        fireEvent.input(passphrase, { target: { value: 'too short' } });
        fireEvent.input(repeat, { target: { value: 'too short' } });
        download();
        let summary = await screen.findByRole('alert');
        expect(within(summary).getByRole('link').textContent).toBe(
          'Enter a passphrase of at least 10 characters',
        );
        expect(within(summary).getByRole('link').getAttribute('href')).toBe('#export-passphrase');

        fireEvent.input(passphrase, { target: { value: 'kettle on the hob' } });
        fireEvent.input(repeat, { target: { value: 'kettle on the hop' } });
        download();
        await waitFor(() =>
          expect(screen.getByRole('alert').textContent).toContain('Type the same passphrase twice'),
        );
        summary = screen.getByRole('alert');
        expect(within(summary).getByRole('link').getAttribute('href')).toBe('#export-repeat');
        expect(saved.files).toEqual([]);

        fireEvent.input(repeat, { target: { value: 'kettle on the hob' } });
        download();
        expect(
          await screen.findByText(
            /^1 assessment is in the file doorstep-encrypted-2026-11-21\.json\./,
            {},
            { timeout: SLOW },
          ),
        ).toBeTruthy();
        expect(screen.queryByRole('alert')).toBeNull();
        expect(saved.files).toHaveLength(1);
        const text = (await saved.files[0]?.text()) ?? '';
        expect(JSON.parse(text)).toMatchObject({ format: 'doorstep-encrypted-export', version: 1 });
        expect(text).not.toContain('LIB-0042');
        expect(text).not.toContain('"answers"');
      } finally {
        saved.restore();
      }
    },
    SLOW,
  );

  it(
    'imports an exported file on another device: a wrong passphrase is refused, then it is sent',
    async () => {
      const saved = downloads();
      let file: File;
      try {
        await renderApp('/sync', finishedOnDevice);
        fireEvent.click(await screen.findByRole('button', { name: 'Export an encrypted file' }));
        fireEvent.input(await screen.findByLabelText('Passphrase for the file'), {
          target: { value: 'kettle on the hob' },
        });
        fireEvent.input(screen.getByLabelText('Type the passphrase again'), {
          target: { value: 'kettle on the hob' },
        });
        fireEvent.click(screen.getByRole('button', { name: 'Download the encrypted file' }));
        await screen.findByText(/^1 assessment is in the file/, {}, { timeout: SLOW });
        file = new File([(await saved.files[0]?.text()) ?? ''], 'doorstep-encrypted.json', {
          type: 'application/json',
        });
      } finally {
        saved.restore();
      }
      cleanup();

      // Another worker's device of the same organisation, online.
      const server = fakeServer();
      server.online = true;
      const other = await renderApp(
        '/sync',
        (device) => new SettingsStore(device.db).saveEnrolment({ ...enrolment, token: 'other' }),
        { fetch: server.fetch },
      );
      const section = await screen.findByRole('region', { name: 'Import an exported file' });
      const chooser = within(section).getByLabelText('File');
      const passphrase = within(section).getByLabelText('The file’s passphrase');
      const importIt = () =>
        fireEvent.click(within(section).getByRole('button', { name: 'Import' }));

      fireEvent.change(chooser, { target: { files: [file] } });
      fireEvent.input(passphrase, { target: { value: 'kettle on the hop' } });
      importIt();
      const summary = await screen.findByRole('alert', {}, { timeout: SLOW });
      expect(within(summary).getByRole('link').textContent).toBe(
        'This passphrase does not open the file. Check it and try again.',
      );
      expect(await other.store.list()).toEqual([]);

      fireEvent.input(passphrase, { target: { value: 'kettle on the hob' } });
      importIt();
      expect(
        await within(section).findByText(
          '1 assessment added to this device. It is sent to the server like any other.',
          {},
          { timeout: SLOW },
        ),
      ).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
      const [stored] = await other.store.list();
      expect(stored).toMatchObject({
        ok: true,
        assessment: { id: 'a1', residentRef: 'LIB-0042', status: 'finished' },
      });
      await waitFor(async () => expect(await other.outbox.receipts()).toHaveLength(1));
      expect(server.received).toEqual(['a1']);

      // The same file again changes nothing: it is on this device already.
      fireEvent.change(chooser, { target: { files: [file] } });
      fireEvent.input(passphrase, { target: { value: 'kettle on the hob' } });
      importIt();
      expect(
        await within(section).findByText(
          '1 assessment was on this device already and was left as it was: LIB-0042.',
          {},
          { timeout: SLOW },
        ),
      ).toBeTruthy();
      expect(await other.store.list()).toHaveLength(1);
    },
    SLOW,
  );
});
