import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bankV1,
  emptyAnswers,
  newAssessment,
  type Answers,
  type Assessment,
} from '../../src/domain/index.ts';
import type { OrganisationSettings } from '../../src/shared/council-api.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { OrganisationStore } from '../../src/storage/organisation-store.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

/** Every skill answered "need help", no interest: enough in common with any profile. */
const allSkills = (score: 0 | 1 | 2 | 3 | 4): Answers => ({
  ...emptyAnswers(),
  basics: { B1: 0, B2: 4, B3: 4 },
  skill: Object.fromEntries(bankV1.skills.map((s) => [s.id, score])),
});

const finished = (id: string, answers: Answers, language: 'en' | 'cy' = 'en'): Assessment => ({
  ...newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date: '2026-11-01', set: 'full', language },
    { id, now: 1000 },
  ),
  answers,
  status: 'finished',
  finishedAt: 2000,
});

const organisation: OrganisationSettings = {
  minGroup: 5,
  healthQuestion: 'optional',
  retentionDays: 730,
  outcomeTypes: [
    {
      id: 'council-tax-online',
      label: { en: 'Pays council tax online', cy: 'Yn talu treth y cyngor ar-lein' },
    },
  ],
  directory: [
    {
      id: 'device-bank',
      signposts: ['device'],
      name: { en: 'Newport Device Bank', cy: 'Banc Dyfeisiau Casnewydd' },
      description: { en: 'Free tablets on loan.', cy: 'Tabledi am ddim ar fenthyg.' },
      contact: '01633 000000',
      url: 'https://example.org/devices',
    },
    {
      id: 'wifi',
      signposts: ['connectivity'],
      name: { en: 'Free Wi-Fi', cy: 'Wi-Fi am ddim' },
      description: { en: 'In every library.', cy: 'Ym mhob llyfrgell.' },
    },
  ],
};

describe('outcomes on the results screen', () => {
  it('records an outcome as a new revision waiting to be sent, and removes one', async () => {
    const app = await renderApp('/assessments/a1/results', async (device) => {
      await device.store.create(finished('a1', allSkills(1)));
      await new OrganisationStore(device.db).save(organisation, []);
    });
    const section = (
      await screen.findByRole('heading', {
        name: 'What has changed for this resident',
      })
    ).closest('section') as HTMLElement;
    expect(within(section).getByText('Nothing recorded yet.')).toBeTruthy();

    // Nothing chosen: the form says so and writes nothing.
    fireEvent.click(within(section).getByRole('button', { name: 'Record outcome' }));
    expect(await within(section).findAllByText('Choose what has changed')).not.toHaveLength(0);

    // The organisation's own kind is offered beside the built-in ones.
    expect(
      await within(section).findByRole('radio', { name: 'Pays council tax online' }),
    ).toBeTruthy();
    fireEvent.click(within(section).getByRole('radio', { name: 'Now banks online' }));
    fireEvent.input(within(section).getByLabelText('When did it happen?'), {
      target: { value: '2026-11-20' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Record outcome' }));
    const list = await within(section).findByRole('list', { name: 'Recorded outcomes' });
    expect(within(list).getByText(/Now banks online, 20 November 2026/)).toBeTruthy();

    const stored = await app.store.get('a1');
    expect(stored).toMatchObject({
      ok: true,
      assessment: { revision: 2, outcomes: [{ type: 'banks-online', date: '2026-11-20' }] },
    });
    const outbox = new OutboxStore(app.db);
    await waitFor(async () =>
      expect(await outbox.entries()).toEqual([
        expect.objectContaining({ id: 'a1', revision: 2, state: 'waiting' }),
      ]),
    );
    // No server here: it waits to be sent.
    expect(await within(section).findByText(/Waiting to send/)).toBeTruthy();

    // The date stays as it was, for the next outcome from the same conversation.
    fireEvent.click(within(section).getByRole('radio', { name: 'Pays council tax online' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Record outcome' }));
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'Recorded: Pays council tax online, 20 November 2026.',
      ),
    );

    fireEvent.click(
      within(section).getByRole('button', { name: 'Remove Now banks online, 20 November 2026' }),
    );
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'Removed: Now banks online, 20 November 2026.',
      ),
    );
    const left = within(section).getByRole('list', { name: 'Recorded outcomes' });
    expect(
      within(left)
        .getAllByRole('listitem')
        .map((li) => li.dataset['outcome']),
    ).toEqual(['council-tax-online']);
    expect(await app.store.get('a1')).toMatchObject({
      ok: true,
      assessment: {
        revision: 4,
        outcomes: [{ type: 'council-tax-online', date: '2026-11-20' }],
      },
    });
  });

  it('refuses a date in the future or one already recorded', async () => {
    const app = await renderApp('/assessments/a1/results', async (device) => {
      await device.store.create({
        ...finished('a1', allSkills(1)),
        outcomes: [{ type: 'got-device', date: '2026-11-10' }],
      });
    });
    const section = (
      await screen.findByRole('heading', {
        name: 'What has changed for this resident',
      })
    ).closest('section') as HTMLElement;
    fireEvent.click(within(section).getByRole('radio', { name: 'Got a device' }));
    const date = within(section).getByLabelText('When did it happen?');
    fireEvent.input(date, { target: { value: '2026-11-22' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Record outcome' }));
    expect(
      await within(section).findAllByText('Enter a real date, today or earlier'),
    ).not.toHaveLength(0);
    fireEvent.input(date, { target: { value: '2026-11-10' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Record outcome' }));
    expect(
      await within(section).findAllByText('This outcome is already recorded for that date'),
    ).not.toHaveLength(0);
    // Neither was written.
    expect(await app.store.get('a1')).toMatchObject({
      ok: true,
      assessment: { revision: 1, outcomes: [{ type: 'got-device', date: '2026-11-10' }] },
    });
  });
});

describe('the comparison with baselines', () => {
  it('names the closest match with its provenance and compares heading by heading', async () => {
    await renderApp('/assessments/a1/results', (device) =>
      device.store.create(finished('a1', allSkills(0))),
    );
    const section = (
      await screen.findByRole('heading', {
        name: 'Compared with example profiles',
      })
    ).closest('section') as HTMLElement;
    const closest = within(section).getByText(/^Closest match: /);
    expect(closest.textContent).not.toMatch(/you are/i);
    expect(
      within(section).getAllByText('Illustrative example, not official data').length,
    ).toBeGreaterThan(0);
    expect(within(section).getByText(/^Source: /)).toBeTruthy();
    const table = within(section).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(bankV1.headings.length + 1);
  });

  it("includes the organisation's own baselines as choices", async () => {
    await renderApp('/assessments/a1/results', async (device) => {
      await device.store.create(finished('a1', allSkills(2)));
      await new OrganisationStore(device.db).save(organisation, [
        {
          id: 'spring-cohort',
          name: { en: 'Spring drop-in, first visits', cy: 'Galw heibio’r gwanwyn' },
          provenance: 'local-cohort',
          source: 'Library drop-in, 40 people, 2026',
          values: {
            basics: {},
            blockers: {},
            skill: Object.fromEntries(bankV1.skills.map((s) => [s.id, 2])),
            interest: {},
          },
        },
      ]);
    });
    // Exactly the same answers: the closest of all.
    expect(await screen.findByText('Closest match: Spring drop-in, first visits')).toBeTruthy();
    expect(screen.getByText('Source: Library drop-in, 40 people, 2026')).toBeTruthy();
    expect(screen.getAllByText('Local cohort').length).toBeGreaterThan(0);
  });

  it('says no comparison is possible with fewer than 10 items in common', async () => {
    await renderApp('/assessments/a1/results', (device) =>
      device.store.create(finished('a1', { ...emptyAnswers(), skill: { GS01: 1, GS02: 2 } })),
    );
    expect(await screen.findByText(/^No comparison is possible yet/)).toBeTruthy();
    expect(screen.queryByText(/Closest match/)).toBeNull();
  });
});

describe('where to get help on the printable plan', () => {
  it("lists the organisation's own services for the person's needs", async () => {
    await renderApp('/assessments/a1/plan', async (device) => {
      await device.store.create(finished('a1', allSkills(1)));
      await new OrganisationStore(device.db).save(organisation, []);
    });
    const service = await screen.findByText('Newport Device Bank');
    const item = service.closest('li') as HTMLElement;
    expect(within(item).getByText(/Free tablets on loan\./)).toBeTruthy();
    expect(within(item).getByText(/Contact: 01633 000000/)).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'https://example.org/devices' })).toBeTruthy();
    // Not a need this person has (no connectivity flag); and no national text instead.
    expect(screen.queryByText('Free Wi-Fi')).toBeNull();
    expect(screen.queryByText(/Device loan or donation schemes/)).toBeNull();
  });

  it("is in the resident's language", async () => {
    await renderApp('/assessments/a1/plan', async (device) => {
      await device.store.create(finished('a1', allSkills(1), 'cy'));
      await new OrganisationStore(device.db).save(organisation, []);
    });
    expect(await screen.findByText('Banc Dyfeisiau Casnewydd')).toBeTruthy();
    expect(screen.getByText(/Cysylltu: 01633 000000/)).toBeTruthy();
  });

  it('keeps the national suggestions where the organisation has no directory', async () => {
    await renderApp('/assessments/a1/plan', async (device) => {
      await device.store.create(finished('a1', allSkills(1)));
      await new OrganisationStore(device.db).save({ ...organisation, directory: null }, []);
    });
    expect(await screen.findByText(/Device loan or donation schemes/)).toBeTruthy();
    expect(screen.queryByText('Newport Device Bank')).toBeNull();
  });
});
