import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { HistoryStore } from '../../src/storage/history-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import type { Fetch } from '../../src/sync/client.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const enrolment = {
  token: 'secret-token',
  device: { id: 'd2', name: 'Library tablet 2' },
  person: { id: 'p1', name: 'Sam Jones', role: 'outreach-worker' as const },
  organisation: { id: 'o1', name: 'Newport Council' },
  enrolledAt: 1,
};

/** Made on another device and received by the server. */
const onServer: Assessment = {
  ...newAssessment(
    {
      residentRef: 'LIB-0042',
      venue: 'library',
      date: '2026-10-01',
      set: 'full',
      language: 'en',
      programme: 'Library drop-in, spring',
      venueName: 'Central Library',
    },
    { id: 'server-1', now: 1000 },
  ),
  answers: { basics: { B1: 1 }, blockers: {}, skill: { GS01: 1, GS02: 3 }, interest: {} },
  status: 'finished',
  finishedAt: 2000,
};

/** A server that knows one resident, and the paths the app asked it for. */
function fakeServer() {
  const asked: string[] = [];
  const fetch: Fetch = async (input, init) => {
    const url = new URL(input);
    asked.push(url.pathname);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer secret-token');
    const assessments = url.pathname === '/api/residents/LIB-0042/assessments' ? [onServer] : [];
    return new Response(JSON.stringify({ assessments }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { asked, fetch };
}

const enrolled = (device: { db: ConstructorParameters<typeof SettingsStore>[0] }) =>
  new SettingsStore(device.db).saveEnrolment(enrolment);

describe('a revisit', () => {
  it("fetches only that resident's earlier visits and carries over programme and venue name", async () => {
    const server = fakeServer();
    const app = await renderApp('/new?ref=LIB-0042&language=en', enrolled, {
      fetch: server.fetch,
    });
    expect(
      await screen.findByText('The server has 1 earlier visit of LIB-0042, on 1 October 2026.'),
    ).toBeTruthy();
    expect(server.asked).toEqual(['/api/residents/LIB-0042/assessments']);
    expect((screen.getByLabelText('Programme (optional)') as HTMLInputElement).value).toBe(
      'Library drop-in, spring',
    );
    expect((screen.getByLabelText('Venue name (optional)') as HTMLInputElement).value).toBe(
      'Central Library',
    );
    // Kept apart: read-only history, not an assessment of this device.
    expect(await new HistoryStore(app.db).forResident('LIB-0042')).toEqual([onServer]);
    expect(await app.store.list()).toEqual([]);
  });

  it('looks a resident up from the form by the reference typed, and tags the new visit', async () => {
    const server = fakeServer();
    const app = await renderApp('/new', enrolled, { fetch: server.fetch });
    const button = await screen.findByRole('button', { name: 'Find earlier visits on the server' });
    fireEvent.click(button);
    // In the summary at the top and by the field.
    expect(
      await screen.findAllByText('Enter the resident reference to find their earlier visits'),
    ).toHaveLength(2);
    expect(server.asked).toEqual([]);
    fireEvent.input(screen.getByLabelText('Resident reference (optional)'), {
      target: { value: 'LIB-0042' },
    });
    fireEvent.click(button);
    await screen.findByText('The server has 1 earlier visit of LIB-0042, on 1 October 2026.');
    fireEvent.input(screen.getByLabelText('Venue name (optional)'), {
      target: { value: 'Ty Hywel' },
    });
    fireEvent.click(screen.getByLabelText('The resident has heard this and agrees to take part'));
    fireEvent.click(screen.getByLabelText('Library'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    await waitFor(async () => expect(await app.store.list()).toHaveLength(1));
    const [made] = await app.store.list();
    expect(made?.ok && made.assessment).toMatchObject({
      residentRef: 'LIB-0042',
      programme: 'Library drop-in, spring',
      venueName: 'Ty Hywel',
    });
  });

  it('says plainly when the server could not be reached, and lets the worker go on', async () => {
    await renderApp('/new?ref=LIB-0042&language=en', enrolled);
    expect(
      await screen.findByText(
        'Earlier visits of LIB-0042 on the server could not be fetched because this device is offline. You can go on with the assessment: progress will be compared with visits on this device only.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start assessment' })).toBeTruthy();
  });

  it('does not offer to look anyone up on a device that is not enrolled', async () => {
    await renderApp('/new');
    await screen.findByLabelText('Programme (optional)');
    expect(screen.queryByRole('button', { name: 'Find earlier visits on the server' })).toBeNull();
  });
});

describe('progress since a visit fetched from the server', () => {
  it('compares with it and says where it came from', async () => {
    const later: Assessment = {
      ...onServer,
      id: 'here-1',
      date: '2026-11-21',
      answers: { basics: { B1: 3 }, blockers: {}, skill: { GS01: 3, GS02: 2 }, interest: {} },
      finishedAt: 9000,
    };
    await renderApp('/assessments/here-1/progress', async (device) => {
      await new HistoryStore(device.db).keep('LIB-0042', [onServer], 5000);
      await device.store.create(later);
    });
    await screen.findByRole('heading', { level: 1, name: 'Progress since the last visit' });
    expect(
      screen.getByText('The earlier visit is from the server, recorded on 1 October 2026.'),
    ).toBeTruthy();
    const skills = screen
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-section') === 'skill') as HTMLElement;
    // GS01 1 → 3, GS02 3 → 2 over 2 paired: 100 × 1 / 8 = 12.5 → 13.
    expect(within(skills).getByText('Up 13 points')).toBeTruthy();
    expect(within(skills).getByText('2 of 48 skills answered both times')).toBeTruthy();
  });
});
