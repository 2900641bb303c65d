import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyAnswers,
  newAssessment,
  type Answers,
  type Assessment,
} from '../../src/domain/index.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const details = {
  residentRef: 'LIB-0042',
  venue: 'library',
  date: '2026-11-21',
  set: 'full',
  language: 'en',
} as const;
const assessment = (patch: Partial<Assessment> = {}): Assessment => ({
  ...newAssessment(details, { id: 'x1', now: 1 }),
  ...patch,
});

describe('the start screen', () => {
  it('offers to start an assessment when the device has none', async () => {
    await renderApp('/');
    expect(await screen.findByText('There are no assessments on this device yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start a new assessment' }).getAttribute('href')).toBe(
      '/new',
    );
  });

  it('offers to resume an unfinished assessment at the step it was on', async () => {
    await renderApp('/', ({ store }) =>
      store.create(assessment({ step: 3, answers: { ...emptyAnswers(), basics: { B1: 2 } } })),
    );
    const panel = await screen.findByRole('region', { name: 'Carry on where you left off' });
    expect(within(panel).getByText('1 of 104 questions answered')).toBeTruthy();
    expect(
      within(panel).getByRole('link', { name: 'Continue this assessment' }).getAttribute('href'),
    ).toBe('/assessments/x1/4');
  });

  it('lists finished and unfinished assessments apart, each with its action', async () => {
    await renderApp('/', async ({ store }) => {
      await store.create(assessment());
      await store.create(
        assessment({ id: 'done', residentRef: 'HUB-7', status: 'finished', finishedAt: 5 }),
      );
    });
    const finished = await screen.findByRole('region', { name: 'Finished' });
    expect(
      within(finished).getByRole('link', { name: 'View results for HUB-7' }).getAttribute('href'),
    ).toBe('/assessments/done/results');
    const open = screen.getByRole('region', { name: 'In progress' });
    expect(
      within(open).getByRole('link', { name: 'Continue the assessment for LIB-0042' }),
    ).toBeTruthy();
  });

  it('keeps a damaged record aside with its data to download, and still lists the rest', async () => {
    await renderApp('/', async ({ store, db }) => {
      await store.create(assessment());
      await db.assessments.put({ id: 'broken', answers: 'nonsense' });
    });
    const damaged = await screen.findByRole('region', { name: 'Records that could not be read' });
    const link = within(damaged).getByRole('link', { name: 'Download record broken' });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toContain('"answers": "nonsense"');
    expect(screen.getByRole('region', { name: 'In progress' })).toBeTruthy();
  });
});

describe('starting an assessment', () => {
  it('lists every problem in an error summary linked to its field', async () => {
    await renderApp('/new');
    fireEvent.input(await screen.findByLabelText('Resident reference (optional)'), {
      target: { value: 'Mrs Jones!' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['#agree', '#residentRef', '#venue']);
    expect(document.activeElement).toBe(summary);
  });

  it('creates the assessment with the date defaulted to today and opens its first step', async () => {
    const app = await renderApp('/new');
    fireEvent.input(await screen.findByLabelText('Resident reference (optional)'), {
      target: { value: 'LIB-0042' },
    });
    fireEvent.click(screen.getByLabelText('The resident has heard this and agrees to take part'));
    fireEvent.click(screen.getByLabelText('Home visit'));
    fireEvent.click(screen.getByLabelText('Short set'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Basics' })).toBeTruthy();
    const stored = await app.store.get('test-1');
    expect(stored?.ok && stored.assessment).toMatchObject({
      residentRef: 'LIB-0042',
      venue: 'home-visit',
      set: 'short',
      language: 'en',
      date: '2026-11-21',
    });
  });
});

describe('the interview', () => {
  it('asks each question as a radio group with its legend and stores the answer when it is chosen', async () => {
    const app = await renderApp('/assessments/x1/1', ({ store }) => store.create(assessment()));
    const group = await screen.findByRole('group', {
      name: 'I have a device that connects me to the internet',
    });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('div')?.textContent),
    ).toEqual([
      'I do not have this',
      'I occasionally have access to this',
      'I sometimes have access to this',
      'I usually have access to this',
      'I always have access to this',
      "Don't know",
      'Not applicable',
      'Prefer not to say',
    ]);
    fireEvent.click(within(group).getByLabelText('I usually have access to this'));
    await waitFor(async () => {
      const stored = await app.store.get('x1');
      expect(stored?.ok && stored.assessment.answers.basics).toEqual({ B1: 3 });
    });
  });

  it('marks the health, disability or language blocker as optional', async () => {
    await renderApp('/assessments/x1/2', ({ store }) => store.create(assessment()));
    const group = await screen.findByRole('group', {
      name: 'Health, disability or language barriers',
    });
    expect(
      within(group).getByText(
        'Optional. You do not have to answer this: you can choose "Prefer not to say".',
      ),
    ).toBeTruthy();
    expect(within(group).getByLabelText('Prefer not to say')).toBeTruthy();
  });

  it('shows a heading step with both questions for each skill and the progress', async () => {
    await renderApp('/assessments/x1/6', ({ store }) => store.create(assessment()));
    expect(await screen.findByRole('heading', { level: 1, name: 'Transacting' })).toBeTruthy();
    expect(screen.getByText('Step 6 of 10')).toBeTruthy();
    expect(
      screen.getByRole('group', { name: 'Pay bills online: skills and confidence' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('group', { name: 'Pay bills online: interest and motivation' }),
    ).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(8);
  });

  it('moves on, recording what was left unanswered as skipped, and focuses the new heading', async () => {
    const app = await renderApp('/assessments/x1/1', ({ store }) => store.create(assessment()));
    fireEvent.click(
      await screen.findByLabelText('I always have access to this', { selector: '#basics-B1-4' }),
    );
    await waitFor(async () => {
      const s = await app.store.get('x1');
      expect(s?.ok && s.assessment.answers.basics['B1']).toBe(4);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Blockers' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const stored = await app.store.get('x1');
    expect(stored?.ok && stored.assessment).toMatchObject({
      step: 1,
      answers: { basics: { B1: 4, B2: 'skipped', B3: 'skipped' } },
    });
  });

  it('goes back without losing an answer', async () => {
    await renderApp('/assessments/x1/2', ({ store }) =>
      store.create(assessment({ step: 1, answers: { ...emptyAnswers(), basics: { B2: 1 } } })),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { level: 1, name: 'Basics' });
    const group = screen.getByRole('group', {
      name: 'I have an internet connection (fixed broadband and/or mobile data)',
    });
    expect(
      (within(group).getByLabelText('I occasionally have access to this') as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it('asks only the 14 short-set skills, with no step for a heading that has none', async () => {
    await renderApp('/assessments/x1/9', ({ store }) =>
      store.create(assessment({ set: 'short', language: 'en' })),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Check and finish' })).toBeTruthy();
    expect(screen.getByText('Step 9 of 9')).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'Advanced skills' })).toBeNull();
  });

  it('finishes a partial assessment and shows its results', async () => {
    const answers: Answers = { ...emptyAnswers(), skill: { TR05: 1 }, interest: { TR05: 4 } };
    const app = await renderApp('/assessments/x1/10', ({ store }) =>
      store.create(assessment({ step: 9, answers })),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Finish and see results' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Results' })).toBeTruthy();
    const plan = screen.getByRole('region', { name: 'Learning plan' });
    expect(
      within(plan)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Pay bills online High priority Priority 12 of 16 · Transacting']);
    const stored = await app.store.get('x1');
    expect(stored?.ok && stored.assessment.status).toBe('finished');
  });
});

describe('two languages', () => {
  const finishedInWelsh = () =>
    assessment({
      language: 'cy',
      status: 'finished',
      finishedAt: 5,
      answers: {
        ...emptyAnswers(),
        skill: { TR05: 0, SS01: 1 },
        interest: { TR05: 4, SS01: 4 },
      },
    });

  it('prints the plan in the language the resident chose, around it the app stays in English', async () => {
    await renderApp('/assessments/x1/plan', ({ store }) => store.create(finishedInWelsh()));
    const title = await screen.findByRole('heading', {
      level: 1,
      name: 'Eich cynllun sgiliau digidol',
    });
    expect(title.closest('[lang]')?.getAttribute('lang')).toBe('cy');
    expect(screen.getByText('Talu biliau ar-lein')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print this plan' })).toBeTruthy();
    // Nothing rated 3 or more: no list of what they can already do.
    expect(
      screen.queryByRole('heading', { name: "Beth rydych chi'n gallu ei wneud yn barod" }),
    ).toBeNull();
  });

  it('lists in the plan what the resident can already do: skills rated 3 or more', async () => {
    await renderApp('/assessments/x1/plan', ({ store }) =>
      store.create({
        ...finishedInWelsh(),
        language: 'en',
        answers: {
          ...emptyAnswers(),
          skill: { GS01: 3, GS02: 4, GS03: 2, TR05: 0 },
          interest: { TR05: 4 },
        },
      }),
    );
    const heading = await screen.findByRole('heading', { name: 'What you can already do' });
    const list = heading.nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Turn on a device and sign in', 'Use a touchscreen, mouse or keyboard']);
  });

  it('links to that plan from the results, naming its language', async () => {
    await renderApp('/assessments/x1/results', ({ store }) => store.create(finishedInWelsh()));
    const link = await screen.findByRole('link', {
      name: 'Plan to give to the resident, in Welsh',
    });
    expect(link.getAttribute('href')).toBe('/assessments/x1/plan');
  });

  it('switches the whole screen to Welsh in place, keeping what was chosen', async () => {
    await renderApp('/assessments/x1/1', ({ store }) =>
      store.create(assessment({ answers: { ...emptyAnswers(), basics: { B1: 3 } } })),
    );
    await screen.findByRole('heading', { level: 1, name: 'Basics' });
    fireEvent.click(screen.getByRole('button', { name: 'Cymraeg' }));
    const group = await screen.findByRole('group', {
      name: "Mae gen i ddyfais sy'n fy nghysylltu â'r rhyngrwyd",
    });
    expect(window.location.pathname).toBe('/assessments/x1/1');
    await waitFor(() => expect(document.documentElement.lang).toBe('cy'));
    expect(within(group).getByRole('radio', { checked: true }).closest('div')?.textContent).toBe(
      'Mae gen i fynediad at hyn fel arfer',
    );
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en-GB');
  });
});
