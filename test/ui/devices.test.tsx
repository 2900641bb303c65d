// The coordinator's devices screen against a stand-in server: physical devices, each with the
// workers signed in on it, signing out a device (after asking) or one worker on it.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../src/shared/council-api.ts';
import type { Role } from '../../src/shared/protocol.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import type { Fetch } from '../../src/sync/client.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const t = translator('en', en);

// The app's own enrolment is the coordinator's session on their laptop.
const enrolment = {
  token: 'secret-token',
  device: { id: 'cora-here', name: 'Office laptop' },
  person: { id: 'cora', name: 'Cora Lee', role: 'coordinator' as const },
  organisation: { id: 'o1', name: 'Newport Council' },
  enrolledAt: 1,
};

const asCoordinator = (device: { db: ConstructorParameters<typeof SettingsStore>[0] }) =>
  new SettingsStore(device.db).saveEnrolment(enrolment);

const PEOPLE: Record<string, { name: string; role: Role }> = {
  cora: { name: 'Cora Lee', role: 'coordinator' },
  sam: { name: 'Sam Outreach', role: 'outreach-worker' },
  nia: { name: 'Nia Worker', role: 'outreach-worker' },
};

let minutes = 0;
function row(
  id: string,
  name: string,
  personId: string,
  enrolledVia: string | null,
  revokedAt: string | null = null,
): DeviceSummary {
  const at = new Date(Date.UTC(2026, 10, 21, 10, minutes++)).toISOString();
  const person = PEOPLE[personId];
  if (!person) throw new Error(personId);
  return {
    id,
    name,
    person: { id: personId, ...person },
    createdAt: at,
    lastSeenAt: at,
    revokedAt,
    enrolledVia,
  };
}

function server(devices: DeviceSummary[]) {
  const list = devices.map((d) => ({ ...d }));
  const revoked: string[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json', 'content-language': 'en' },
    });
  const fetch: Fetch = async (input, init) => {
    const path = new URL(input).pathname;
    if (path === '/api/devices' && (init?.method ?? 'GET') === 'GET')
      return json({ devices: list });
    const id = /^\/api\/devices\/([^/]+)\/revoke$/.exec(path)?.[1];
    if (id && init?.method === 'POST') {
      revoked.push(decodeURIComponent(id));
      const now = new Date(Date.UTC(2026, 10, 21, 12)).toISOString();
      // As the server does: a physical device takes its sessions with it.
      for (const d of list) {
        if ((d.id === id || d.enrolledVia === id) && d.revokedAt === null) d.revokedAt = now;
      }
      return json({ device: list.find((d) => d.id === id) });
    }
    throw new Error(`Unexpected ${init?.method ?? 'GET'} ${input}`);
  };
  return { fetch, revoked };
}

const rowOf = (id: string) => {
  const found = document.querySelector<HTMLElement>(`tr[data-device="${id}"]`);
  if (!found) throw new Error(`No row for ${id}`);
  return found;
};
const cells = (id: string) =>
  [...rowOf(id).querySelectorAll('td')].map((td) => td.textContent?.trim());

const TABLET = 'Library tablet 3';
const DEVICES = [
  row('laptop', 'Office laptop', 'cora', null),
  row('cora-here', 'Office laptop', 'cora', 'laptop'),
  row('tablet', TABLET, 'sam', null),
  row('sam-before', TABLET, 'sam', 'tablet', new Date(Date.UTC(2026, 10, 21, 11)).toISOString()),
  row('sam-now', TABLET, 'sam', 'tablet'),
  row('nia-now', TABLET, 'nia', 'tablet'),
];

describe('the devices screen', () => {
  it('lists each physical device once, with the workers signed in on it', async () => {
    const { fetch } = server(DEVICES);
    await renderApp('/devices', asCoordinator, { fetch });
    await screen.findByRole('heading', { name: t('devices.list.title') });
    await waitFor(() => rowOf('tablet'));

    const physical = [...document.querySelectorAll('tr[data-device]:not([data-session-of])')];
    expect(physical.map((r) => r.getAttribute('data-device'))).toEqual(['laptop', 'tablet']);
    expect(
      [...document.querySelectorAll('tr[data-session-of="tablet"]')].map((r) =>
        r.getAttribute('data-device'),
      ),
    ).toEqual(['sam-now', 'nia-now']);
    // An earlier sign-in that has ended is left out while the same person is signed in again.
    expect(document.querySelector('tr[data-device="sam-before"]')).toBeNull();

    // This device is the physical one the coordinator's own session is on: no sign-out for either.
    expect(cells('laptop')).toEqual([
      'Office laptop',
      t('devices.enrolledBy', { person: 'Cora Lee', role: t('role.coordinator') }),
      expect.any(String),
      t('devices.thisDevice'),
    ]);
    expect(cells('cora-here')).toEqual([
      t('devices.session', { device: 'Office laptop' }),
      `Cora Lee (${t('role.coordinator')})`,
      expect.any(String),
      t('devices.you'),
    ]);
    expect(cells('nia-now')[1]).toBe(`Nia Worker (${t('role.outreach-worker')})`);

    const names = document.querySelectorAll('tbody button');
    expect([...names].map((b) => b.getAttribute('aria-label'))).toEqual([
      t('devices.revokeFor', { device: TABLET }),
      t('devices.revokeSession', { person: 'Sam Outreach', device: TABLET }),
      t('devices.revokeSession', { person: 'Nia Worker', device: TABLET }),
    ]);
  });

  it('asks before signing out a device, saying its workers go with it, and signs them all out', async () => {
    const { fetch, revoked } = server(DEVICES);
    await renderApp('/devices', asCoordinator, { fetch });
    const signOut = await screen.findByRole('button', {
      name: t('devices.revokeFor', { device: TABLET }),
    });

    fireEvent.click(signOut);
    const title = await screen.findByRole('heading', {
      name: t('devices.confirm.title', { device: TABLET }),
    });
    await waitFor(() => expect(document.activeElement).toBe(title));
    screen.getByText(t('devices.confirm.body'));
    fireEvent.click(screen.getByRole('button', { name: t('devices.confirm.cancel') }));
    await waitFor(() => expect(document.activeElement).toBe(signOut));
    expect(screen.queryByRole('heading', { name: title.textContent ?? '' })).toBeNull();
    expect(revoked).toEqual([]);

    fireEvent.click(signOut);
    fireEvent.click(await screen.findByRole('button', { name: t('devices.confirm.yes') }));
    for (const id of ['tablet', 'sam-now', 'nia-now']) {
      await waitFor(() => expect(cells(id)[3]).toMatch(/^Signed out /));
    }
    expect(revoked).toEqual(['tablet']);
    expect(cells('laptop')[3]).toBe(t('devices.thisDevice'));
    expect(screen.queryAllByRole('button', { name: /^Sign out .* on / })).toEqual([]);
  });

  it('signs one worker out of a device, leaving the device and the other worker', async () => {
    const { fetch, revoked } = server(DEVICES);
    await renderApp('/devices', asCoordinator, { fetch });
    fireEvent.click(
      await screen.findByRole('button', {
        name: t('devices.revokeSession', { person: 'Nia Worker', device: TABLET }),
      }),
    );
    await waitFor(() => expect(cells('nia-now')[3]).toMatch(/^Signed out /));
    expect(revoked).toEqual(['nia-now']);
    expect(within(rowOf('tablet')).getByRole('button').getAttribute('aria-label')).toBe(
      t('devices.revokeFor', { device: TABLET }),
    );
    within(rowOf('sam-now')).getByRole('button');
  });

  it('numbers no button for a signed-out device of the same name', async () => {
    const before = new Date(Date.UTC(2026, 10, 20)).toISOString();
    const { fetch } = server([row('old', TABLET, 'sam', null, before), ...DEVICES]);
    await renderApp('/devices', asCoordinator, { fetch });
    await waitFor(() => rowOf('tablet'));
    expect(cells('old')[3]).toMatch(/^Signed out /);
    expect(within(rowOf('tablet')).getByRole('button').getAttribute('aria-label')).toBe(
      t('devices.revokeFor', { device: TABLET }),
    );
  });

  it('gives every sign-out button a name of its own when devices share a name', async () => {
    const { fetch } = server([
      ...DEVICES,
      row('spare', TABLET, 'nia', null),
      row('nia-spare', TABLET, 'nia', 'spare'),
    ]);
    await renderApp('/devices', asCoordinator, { fetch });
    await waitFor(() => rowOf('nia-spare'));
    const names = [...document.querySelectorAll('tbody button')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    expect(names).toContain(`${t('devices.revokeFor', { device: TABLET })} (2)`);
  });
});
