import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyAnswers,
  newAssessment,
  type Answers,
  type Assessment,
} from '../../src/domain/index.ts';
import { ResidentStore } from '../../src/storage/resident-store.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const visit = (id: string, date: string, answers: Answers, finishedAt: number): Assessment => ({
  ...newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date, set: 'full', language: 'cy' },
    { id, now: finishedAt - 1000 },
  ),
  answers,
  status: 'finished',
  finishedAt,
});

/** GS01 1 → 3 (now independent), GS02 2 → 2, GS03 4 → 3 (down); TR05 interest 4 → 2. */
const first = visit(
  'v1',
  '2026-10-01',
  {
    ...emptyAnswers(),
    basics: { B1: 2 },
    blockers: { K1: 0 },
    skill: { GS01: 1, GS02: 2, GS03: 4, TR05: 1 },
    interest: { TR05: 4 },
  },
  1000,
);
const second = visit(
  'v2',
  '2026-11-21',
  {
    ...emptyAnswers(),
    basics: { B1: 3 },
    blockers: { K1: 3 },
    skill: { GS01: 3, GS02: 2, GS03: 3, TR05: 3 },
    interest: { TR05: 2 },
  },
  5000,
);

describe("a resident's progress", () => {
  it('compares this visit with the one before: gains with their basis, counts, declines shown', async () => {
    await renderApp('/assessments/v2/progress', async ({ store }) => {
      await store.create(first);
      await store.create(second);
    });
    await screen.findByRole('heading', { level: 1, name: 'Progress since the last visit' });
    const row = (section: string) =>
      screen.getAllByRole('row').find((r) => r.getAttribute('data-section') === section);
    // Skills: +2, 0, −1, +2 over 4 paired: 100 × 3 / 16 = 18.75 → 19.
    expect(within(row('skill') as HTMLElement).getByText('Up 19 points')).toBeTruthy();
    expect(
      within(row('skill') as HTMLElement).getByText('4 of 48 skills answered both times'),
    ).toBeTruthy();
    // Interest: 4 → 2 on one item: −50.
    expect(within(row('interest') as HTMLElement).getByText('Down 50 points')).toBeTruthy();
    expect(screen.getByText('2 skills now done without help')).toBeTruthy();
    expect(screen.getByText('Turn on a device and sign in')).toBeTruthy();
    // TR05: 3 × 4 = 12 High, then 1 × 2 = 2 Low.
    expect(screen.getByText('1 high priority met')).toBeTruthy();
    expect(screen.getByText('1 blocker eased')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Answers that went down' })).toBeTruthy();
  });

  it('says so when there is no earlier visit on this device', async () => {
    await renderApp('/assessments/v1/progress', ({ store }) => store.create(first));
    expect(
      await screen.findByText(
        'There is no earlier finished assessment for LIB-0042 on this device to compare with.',
      ),
    ).toBeTruthy();
  });

  it('links the results to the progress, and starts a revisit with the details but no answers', async () => {
    await renderApp('/assessments/v2/results', async ({ store }) => {
      await store.create(first);
      await store.create(second);
    });
    const progress = await screen.findByRole('link', {
      name: 'Progress since the visit on 1 October 2026',
    });
    expect(progress.getAttribute('href')).toBe('/assessments/v2/progress');
    fireEvent.click(screen.getByRole('link', { name: 'Start a new visit for LIB-0042' }));
    const reference = await screen.findByLabelText('Resident reference (optional)');
    expect((reference as HTMLInputElement).value).toBe('LIB-0042');
    expect((screen.getByLabelText('Welsh (Cymraeg)') as HTMLInputElement).checked).toBe(true);
  });
});

describe('the resident on the new-assessment form', () => {
  it('keeps the resident by their reference, with the age band and the postcode district only', async () => {
    const app = await renderApp('/new');
    fireEvent.input(await screen.findByLabelText('Resident reference (optional)'), {
      target: { value: 'HUB-7' },
    });
    fireEvent.click(screen.getByLabelText('65 to 74'));
    fireEvent.input(screen.getByLabelText('Postcode district (optional)'), {
      target: { value: 'cf10 3at' },
    });
    fireEvent.click(screen.getByLabelText('The resident has heard this and agrees to take part'));
    fireEvent.click(screen.getByLabelText('Library'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'Enter only the first part of the postcode, such as CF10',
      }),
    ).toBeTruthy();
    expect(await new ResidentStore(app.db).get('HUB-7')).toBeUndefined();

    fireEvent.input(screen.getByLabelText('Postcode district (optional)'), {
      target: { value: 'cf10' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    await screen.findByRole('heading', { level: 1, name: 'Basics' });
    expect(await new ResidentStore(app.db).get('HUB-7')).toMatchObject({
      ref: 'HUB-7',
      ageBand: '65-74',
      postcodeDistrict: 'CF10',
      language: 'en',
    });
  });

  it('fills a revisit from what the device knows of the resident', async () => {
    await renderApp('/new?ref=LIB-0042&language=en', async ({ db }) => {
      await new ResidentStore(db).save({
        ref: 'LIB-0042',
        ageBand: '75-plus',
        postcodeDistrict: 'LL55',
        language: 'cy',
        createdAt: 1,
        updatedAt: 1,
      });
    });
    await waitFor(() =>
      expect((screen.getByLabelText('75 or over') as HTMLInputElement).checked).toBe(true),
    );
    expect((screen.getByLabelText('Postcode district (optional)') as HTMLInputElement).value).toBe(
      'LL55',
    );
    expect((screen.getByLabelText('Welsh (Cymraeg)') as HTMLInputElement).checked).toBe(true);
  });
});

describe('contact details for follow-up', () => {
  it('keeps a name and contact only when the resident agrees, apart from the resident record', async () => {
    const app = await renderApp('/new');
    fireEvent.click(
      await screen.findByLabelText('The resident agrees to be contacted to follow up'),
    );
    fireEvent.click(screen.getByLabelText('The resident has heard this and agrees to take part'));
    fireEvent.click(screen.getByLabelText('Library'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Enter a resident reference to keep contact details with it',
      'Enter the name to contact',
      'Enter a phone number or email address',
    ]);

    fireEvent.input(screen.getByLabelText('Resident reference (optional)'), {
      target: { value: 'HUB-9' },
    });
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Megan' } });
    fireEvent.input(screen.getByLabelText('Phone number or email address'), {
      target: { value: '07700 900123' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    await screen.findByRole('heading', { level: 1, name: 'Basics' });
    const residents = new ResidentStore(app.db);
    expect(await residents.contact('HUB-9')).toMatchObject({
      name: 'Megan',
      contact: '07700 900123',
    });
    expect(JSON.stringify(await residents.get('HUB-9'))).not.toContain('Megan');
    const stored = await app.store.list();
    expect(JSON.stringify(stored)).not.toContain('Megan');
  });

  it('keeps nothing of the kind without consent', async () => {
    const app = await renderApp('/new');
    fireEvent.input(await screen.findByLabelText('Resident reference (optional)'), {
      target: { value: 'HUB-10' },
    });
    expect(screen.queryByLabelText('Name')).toBeNull();
    fireEvent.click(screen.getByLabelText('The resident has heard this and agrees to take part'));
    fireEvent.click(screen.getByLabelText('Library'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    await screen.findByRole('heading', { level: 1, name: 'Basics' });
    expect(await new ResidentStore(app.db).contact('HUB-10')).toBeUndefined();
  });
});
