// The organisation settings screen's privacy settings against a stand-in server: how the health
// question is asked and how long residents stay identifiable, checked before they are sent.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrganisationSettings } from '../../src/shared/council-api.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import type { Fetch } from '../../src/sync/client.ts';
import { organisationMessages } from '../../src/ui/screens/organisation.messages.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const m = organisationMessages.en;

const enrolment = {
  token: 'secret-token',
  device: { id: 'd1', name: 'Office laptop' },
  person: { id: 'p1', name: 'Alex Price', role: 'coordinator' as const },
  organisation: { id: 'o1', name: 'Newport Council' },
  enrolledAt: 1,
};

const asCoordinator = (device: { db: ConstructorParameters<typeof SettingsStore>[0] }) =>
  new SettingsStore(device.db).saveEnrolment(enrolment);

const STORED: OrganisationSettings = {
  minGroup: 5,
  outcomeTypes: [],
  directory: null,
  healthQuestion: 'optional',
  retentionDays: 730,
};

function server() {
  let settings = STORED;
  const puts: unknown[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json', 'content-language': 'en' },
    });
  const fetch: Fetch = async (input, init) => {
    if (new URL(input).pathname !== '/api/settings') throw new Error(`Unexpected ${input}`);
    if (init?.method === 'PUT' && typeof init.body === 'string') {
      settings = JSON.parse(init.body);
      puts.push(settings);
    }
    return json(settings);
  };
  return { fetch, puts };
}

describe('the privacy settings', () => {
  it('shows what is stored, refuses a period out of range, and sends both', async () => {
    const { fetch, puts } = server();
    await renderApp('/organisation', asCoordinator, { fetch });
    const days = await screen.findByLabelText<HTMLInputElement>(m['privacy.retention']);
    expect(days.value).toBe('730');
    const optional = screen.getByLabelText<HTMLInputElement>(m['privacy.health.optional']);
    expect(optional.checked).toBe(true);

    for (const typed of ['29', '3651', 'two years']) {
      fireEvent.input(days, { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: m['privacy.save'] }));
      const link = await screen.findByRole('link', { name: m['privacy.retentionInvalid'] });
      expect(link.getAttribute('href')).toBe('#retention-days');
    }
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(puts).toEqual([]);

    fireEvent.click(screen.getByLabelText(m['privacy.health.separate-consent']));
    fireEvent.input(days, { target: { value: ' 365 ' } });
    fireEvent.click(screen.getByRole('button', { name: m['privacy.save'] }));
    await screen.findByText(m.saved);
    expect(puts).toEqual([{ ...STORED, healthQuestion: 'separate-consent', retentionDays: 365 }]);
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: m['privacy.retentionInvalid'] })).toBeNull(),
    );
  });
});
