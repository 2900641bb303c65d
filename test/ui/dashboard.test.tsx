// The coordinator's dashboard and baselines screens against a stand-in server: small groups'
// figures are never shown, and a refused import lists every problem and changes nothing.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { bankV1, encodeAnswers, type Answers } from '../../src/domain/index.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import type { Fetch } from '../../src/sync/client.ts';
import { scenario } from '../domain/builders.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const enrolment = {
  token: 'secret-token',
  device: { id: 'd1', name: 'Office laptop' },
  person: { id: 'p1', name: 'Alex Price', role: 'coordinator' as const },
  organisation: { id: 'o1', name: 'Newport Council' },
  enrolledAt: 1,
};

const basics = (score: 0 | 1 | 2 | 3 | 4): Answers =>
  scenario().basics('B1', score).basics('B2', score).basics('B3', score).answers;

/**
 * Six residents, R3 and R4 seen twice. Latest Basics: 100, 50, 50, 100, 25, 75: mean 66.7,
 * median 62.5. R3 0 → 50 and R4 50 → 100: gain +50 for 2 people.
 */
const records = [
  ['R1', '2026-01-10', 4],
  ['R2', '2026-01-11', 2],
  ['R3', '2026-01-12', 0],
  ['R3', '2026-03-12', 2],
  ['R4', '2026-01-13', 2],
  ['R4', '2026-03-13', 4],
  ['R5', '2026-01-14', 1],
  ['R6', '2026-01-15', 3],
] as const;

// As the server sends them: answers in their compact form.
const cohort = records.map(([ref, date, score], i) => ({
  id: `a${i}`,
  residentRef: ref,
  date,
  answers: encodeAnswers(basics(score), bankV1),
  outcomes: [],
}));

function server(minGroup: number, overrides: Record<string, () => Response> = {}) {
  const requests: { method: string; url: string; body: unknown }[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'content-language': 'en' },
    });
  const fetch: Fetch = async (input, init) => {
    const url = new URL(input);
    const method = init?.method ?? 'GET';
    requests.push({
      method,
      url: url.pathname + url.search,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const override = overrides[`${method} ${url.pathname}`];
    if (override) return override();
    switch (url.pathname) {
      case '/api/programmes':
        return json({
          programmes: [
            {
              programme: 'Spring digital',
              assessments: 8,
              residents: 6,
              venueNames: ['Central Library'],
              firstDate: '2026-01-10',
              lastDate: '2026-03-13',
            },
          ],
        });
      case '/api/settings':
        return json({
          minGroup,
          outcomeTypes: [],
          directory: null,
          healthQuestion: 'optional',
          retentionDays: 730,
        });
      case '/api/baselines':
        return json({ baselines: [] });
      case '/api/cohort':
        return json({ minGroup, records: cohort });
      default:
        return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }
  };
  return { fetch, requests };
}

const asCoordinator = (device: { db: ConstructorParameters<typeof SettingsStore>[0] }) =>
  new SettingsStore(device.db).saveEnrolment(enrolment);

describe('the programme dashboard', () => {
  it('shows figures about enough residents and suppresses the rest, never their value', async () => {
    const { fetch } = server(5);
    await renderApp('/dashboard', asCoordinator, { fetch });
    const residents = await screen.findByText('6', { selector: '[data-figure="residents"]' });
    expect(residents).toBeTruthy();
    expect(document.querySelector('[data-figure="assessments"]')?.textContent).toBe('8');
    // Only R3 and R4 came twice: fewer than 5.
    expect(document.querySelector('[data-figure="revisited"]')?.textContent).toBe(
      'Fewer than 5 residents: not shown',
    );
    const profile = document.querySelector('[data-table="profile"][data-section="basics"]');
    expect([...(profile?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      'Basics',
      '66.7',
      '62.5',
      '6',
    ]);
    const gain = document.querySelector('[data-table="gain"][data-section="basics"]');
    expect([...(gain?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      'Basics',
      'Fewer than 5 residents: not shown',
    ]);
    // Blockers were not asked of anyone: n = 0, suppressed like any small group.
    const blockers = document.querySelector('[data-table="profile"][data-section="blockers"]');
    expect(blockers?.textContent).toBe('BlockersFewer than 5 residents: not shown');
  });

  it('shows the gain once the threshold is lowered to 2', async () => {
    const { fetch } = server(2);
    await renderApp('/dashboard', asCoordinator, { fetch });
    await screen.findByText('6', { selector: '[data-figure="residents"]' });
    const gain = document.querySelector('[data-table="gain"][data-section="basics"]');
    expect([...(gain?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      'Basics',
      '+50 points',
      '+50 points',
      '2',
    ]);
  });

  it('asks for the chosen programme only', async () => {
    const { fetch, requests } = server(5);
    await renderApp('/dashboard', asCoordinator, { fetch });
    await screen.findByText('6', { selector: '[data-figure="residents"]' });
    fireEvent.change(screen.getByLabelText('Programme'), { target: { value: 'Spring digital' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show figures' }));
    await waitFor(() =>
      expect(requests.map((r) => r.url)).toContain('/api/cohort?programme=Spring+digital'),
    );
  });
});

describe('importing baselines', () => {
  it('lists every problem of a refused file and changes nothing', async () => {
    const problems = [
      'row 3: the value "7" is not a number from 0 to 4',
      'row 4: skill.XX99 is not in the question bank',
    ];
    const { fetch, requests } = server(5, {
      'POST /api/baselines': () =>
        new Response(
          JSON.stringify({
            error: { code: 'invalid_baselines', message: 'The file was refused.', problems },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    });
    await renderApp('/baselines', asCoordinator, { fetch });
    const input = await screen.findByLabelText('File (JSON or CSV)');
    const file = new File(['baseline_id,name_en\nbad,Bad\n'], 'bad.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    const listed = () =>
      requests.filter((r) => r.method === 'GET' && r.url === '/api/baselines').length;
    const before = listed();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(problems);
    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({ format: 'csv', content: 'baseline_id,name_en\nbad,Bad\n' });
    // Nothing changed, so the list was not even fetched again; the shipped ones are still there.
    expect(listed()).toBe(before);
    expect(screen.getByText('Not for me')).toBeTruthy();
  });
});
