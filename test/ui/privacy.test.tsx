import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bankV1,
  interviewSteps,
  newAssessment,
  type Assessment,
  type HealthQuestionMode,
} from '../../src/domain/index.ts';
import type { OrganisationSettings } from '../../src/shared/council-api.ts';
import { OrganisationStore } from '../../src/storage/organisation-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { interviewMessages, type InterviewKey } from '../../src/ui/screens/interview.messages.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const enrolment = {
  token: 'secret-token',
  device: { id: 'd1', name: 'Library tablet' },
  person: { id: 'p1', name: 'Sam Jones', role: 'outreach-worker' as const },
  organisation: { id: 'o1', name: 'Newport Council' },
  enrolledAt: 1,
};

const organisation = (healthQuestion: HealthQuestionMode): OrganisationSettings => ({
  minGroup: 5,
  outcomeTypes: [],
  directory: null,
  healthQuestion,
  retentionDays: 365,
});

type Db = ConstructorParameters<typeof SettingsStore>[0];

/** An enrolled device with a kept copy of the organisation's settings. */
const withSettings = (healthQuestion: HealthQuestionMode) => async (device: { db: Db }) => {
  await new SettingsStore(device.db).saveEnrolment(enrolment);
  await new OrganisationStore(device.db).save(organisation(healthQuestion), []);
};

const m = (key: InterviewKey) => String(interviewMessages.en[key]);
const CONSENT = m('health.consent.legend');
const HEALTH = 'Health, disability or language barriers';

async function stored(app: Awaited<ReturnType<typeof renderApp>>, id: string) {
  const row = await app.store.get(id);
  if (!row?.ok) throw new Error(`no readable assessment ${id}`);
  return row.assessment;
}

function inProgress(healthQuestion: HealthQuestionMode, healthConsent: boolean | null = null) {
  const base = newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date: '2026-11-21', set: 'short', language: 'en' },
    { id: 'x1', now: 5 },
  );
  return {
    ...base,
    privacy: { agreedAt: 5, healthQuestion, healthConsent },
    step: 1,
  } satisfies Assessment;
}

describe('the privacy notice before an assessment', () => {
  it('says who the answers are for, what is kept and for how long, from the kept settings', async () => {
    await renderApp('/new', withSettings('optional'));
    const notice = await screen.findByRole('region', { name: 'Before you start: privacy' });
    const text = notice.textContent ?? '';
    expect(text).toContain('Your answers are for Newport Council');
    expect(text).toContain('age band, the first part of your postcode and your answers');
    expect(text).toContain('You can skip any question');
    expect(text).toContain('kept for 365 days after your last visit');
    expect(text).toContain('ask the person helping you today, or contact the council');
  });

  it('words it generally when the device has no copy of the settings', async () => {
    await renderApp('/new');
    const notice = await screen.findByRole('region', { name: 'Before you start: privacy' });
    expect(notice.textContent).toContain('Your answers are for the council');
    expect(notice.textContent).toContain('kept only as long as the council needs them');
  });

  it('cannot start until the worker records that the resident agrees to take part', async () => {
    const app = await renderApp('/new');
    fireEvent.click(await screen.findByLabelText('Library'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', {
      name: 'Confirm that the resident agrees to take part before you start',
    });
    expect(link.getAttribute('href')).toBe('#agree');
    const box = screen.getByLabelText('The resident has heard this and agrees to take part');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('agree-error');
    expect(await app.store.list()).toEqual([]);

    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Basics' })).toBeTruthy();
    // No copy of the organisation's settings: asked as optional.
    expect((await stored(app, 'test-1')).privacy).toEqual({
      agreedAt: app.clock.now,
      healthQuestion: 'optional',
      healthConsent: null,
    });
  });

  it("keeps the organisation's mode on the assessment it starts", async () => {
    const app = await renderApp('/new', withSettings('separate-consent'));
    fireEvent.click(
      await screen.findByLabelText('The resident has heard this and agrees to take part'),
    );
    fireEvent.click(screen.getByLabelText('Home visit'));
    fireEvent.click(screen.getByRole('button', { name: 'Start assessment' }));
    await screen.findByRole('heading', { level: 1, name: 'Basics' });
    expect((await stored(app, 'test-1')).privacy).toEqual({
      agreedAt: app.clock.now,
      healthQuestion: 'separate-consent',
      healthConsent: null,
    });
  });
});

describe('the health, disability or language question', () => {
  it('when optional, is asked with "Prefer not to say" offered plainly and no consent question', async () => {
    await renderApp('/assessments/x1/2', ({ store }) => store.create(inProgress('optional')));
    const group = await screen.findByRole('group', { name: HEALTH });
    expect(group.getAttribute('aria-describedby')).toBe('blockers-K5-hint');
    expect(within(group).getByText(m('health.optional'))).toBeTruthy();
    expect(within(group).getByLabelText('Prefer not to say')).toBeTruthy();
    expect(screen.queryByRole('group', { name: CONSENT })).toBeNull();
  });

  it('with a separate consent, asks that first; a no means it is not asked, not even as skipped', async () => {
    const app = await renderApp('/assessments/x1/2', ({ store }) =>
      store.create(inProgress('separate-consent')),
    );
    const consent = await screen.findByRole('group', { name: CONSENT });
    expect(consent.getAttribute('aria-describedby')).toBe('health-consent-hint');
    expect(
      within(consent)
        .getAllByRole('radio')
        .map((r) => r.closest('div')?.textContent),
    ).toEqual(['Yes', 'No']);
    // The blockers before it are asked as usual; the health question waits for the answer.
    expect(screen.getByRole('group', { name: /^Lack of interest or motivation/ })).toBeTruthy();
    expect(screen.queryByRole('group', { name: HEALTH })).toBeNull();

    fireEvent.click(within(consent).getByLabelText('No'));
    await screen.findByText(m('health.consent.declined'));
    await waitFor(async () => expect((await stored(app, 'x1')).privacy?.healthConsent).toBe(false));
    expect(screen.queryByRole('group', { name: HEALTH })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(async () => expect((await stored(app, 'x1')).step).toBe(2));
    const saved = await stored(app, 'x1');
    expect(saved.answers.blockers).toEqual({
      K1: 'skipped',
      K2: 'skipped',
      K3: 'skipped',
      K4: 'skipped',
    });
    expect(saved.privacy).toEqual({
      agreedAt: 5,
      healthQuestion: 'separate-consent',
      healthConsent: false,
    });
  });

  it('with a separate consent, a yes shows the question; changing to no removes its answer', async () => {
    const app = await renderApp('/assessments/x1/2', ({ store }) =>
      store.create(inProgress('separate-consent')),
    );
    const consent = await screen.findByRole('group', { name: CONSENT });
    fireEvent.click(within(consent).getByLabelText('Yes'));
    const health = await screen.findByRole('group', { name: HEALTH });
    fireEvent.click(within(health).getByLabelText('Prefer not to say'));
    await waitFor(async () =>
      expect((await stored(app, 'x1')).answers.blockers).toEqual({ K5: 'prefer-not-to-say' }),
    );
    expect((await stored(app, 'x1')).privacy?.healthConsent).toBe(true);

    fireEvent.click(within(consent).getByLabelText('No'));
    await waitFor(async () => expect((await stored(app, 'x1')).answers.blockers).toEqual({}));
    expect((await stored(app, 'x1')).privacy?.healthConsent).toBe(false);
    expect(screen.queryByRole('group', { name: HEALTH })).toBeNull();
  });

  it('finishing leaves the question not agreed to without any entry', async () => {
    const last = interviewSteps(bankV1, 'short').length;
    const app = await renderApp(`/assessments/x1/${last}`, ({ store }) =>
      store.create(inProgress('separate-consent', false)),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Finish and see results' }));
    await waitFor(async () => expect((await stored(app, 'x1')).status).toBe('finished'));
    const finished = await stored(app, 'x1');
    expect(finished.answers.blockers).toEqual({
      K1: 'skipped',
      K2: 'skipped',
      K3: 'skipped',
      K4: 'skipped',
    });
    expect(finished.privacy?.healthConsent).toBe(false);
    // The results screen it goes to loads lazily: let it arrive before the test ends.
    await screen.findByRole('heading', { level: 1, name: 'Results' });
  });
});
