import { useMemo, useState } from 'preact/hooks';
import {
  BUILT_IN_OUTCOMES,
  BUILT_IN_OUTCOME_LABELS,
  bankV1,
  closestBaselines,
  compareWithBaseline,
  isIsoDate,
  loadBaselines,
  outcomeLabel,
  scaleV1,
  scoreAssessment,
  signpostsFor,
  type Assessment,
  type Baseline,
  type ComparedScore,
  type Facet,
  type Outcome,
  type OutcomeType,
  type SectionScore,
} from '../../domain/index.ts';
import personasV1 from '../../domain/bank/personas-v1.json';
import { HeadingChart } from '../components/HeadingChart.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Radios } from '../components/Radios.tsx';
import { RecordStatus } from '../components/RecordStatus.tsx';
import { StoredAssessment } from '../components/StoredAssessment.tsx';
import { failureText } from '../errors.ts';
import { formatIsoDate, localIsoDate } from '../format.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useWords, type Words } from '../i18n/words.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { useSyncView } from '../use-sync-view.ts';
import { previousVisit } from '../visits.ts';
import { planMessages } from './plan.messages.ts';
import { PROVENANCE_KEYS, resultsMessages } from './results.messages.ts';

/** The illustrative profiles shipped with the app, validated once when this screen loads. */
const PERSONAS = loadBaselines(personasV1, bankV1);

/** The profile and learning plan, computed on the device from the stored answers. */
export default function ResultsScreen({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <StoredAssessment id={id}>
      {(assessment) =>
        assessment.status === 'finished' ? (
          <Results assessment={assessment} />
        ) : (
          <>
            <PageTitle focusKey="unfinished">{t('results.notFinished')}</PageTitle>
            <a href={`/assessments/${id}/${assessment.step + 1}`}>{t('results.continue')}</a>
          </>
        )
      }
    </StoredAssessment>
  );
}

const COVERAGE: Record<Facet, MessageKey> = {
  basics: 'results.coverage.basics',
  blockers: 'results.coverage.blockers',
  skill: 'results.coverage.skills',
  interest: 'results.coverage.skills',
};

function Results(props: { assessment: Assessment }) {
  const { t } = useI18n();
  const words = useWords();
  // Recording an outcome makes a new revision: the screen shows the one last written.
  const [assessment, setAssessment] = useState(props.assessment);
  return words ? (
    <Profile assessment={assessment} words={words} onChange={setAssessment} />
  ) : (
    <p>{t('app.loading')}</p>
  );
}

function Profile({
  assessment,
  words,
  onChange,
}: {
  assessment: Assessment;
  words: Words;
  onChange: (next: Assessment) => void;
}) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(planMessages);
  const scores = scoreAssessment(assessment.answers, bankV1, scaleV1);
  const itemText = words.item;
  const skillLabel = (id: string) => words.skill(id).label;
  const headingLabel = words.heading;
  const signposts = signpostsFor(scores.flags);
  const cell = (s: SectionScore) =>
    s.score === null
      ? t('results.headings.notScored')
      : t(s.lowCoverage ? 'results.headings.cellLow' : 'results.headings.cell', {
          score: s.score,
          answered: s.answered,
          count: s.total,
        });

  return (
    <>
      <p class="caption">
        {t('results.caption', {
          who: assessment.residentRef ?? t('home.anonymous'),
          date: formatIsoDate(assessment.date, locale),
        })}
      </p>
      <PageTitle focusKey="results">{t('results.title')}</PageTitle>

      <section aria-labelledby="sections-title">
        <h2 id="sections-title">{t('results.sections.title')}</h2>
        <p>{t('results.sections.intro')}</p>
        <ul class="score-cards">
          {(['basics', 'blockers', 'skill', 'interest'] as const).map((facet) => {
            const s = scores.sections[facet];
            return (
              <li class="score-card" key={facet} data-section={facet}>
                <h3>{t(`section.${facet}`)}</h3>
                <p class="score-value">
                  {s.score === null ? t('results.noScore') : t('results.score', { score: s.score })}
                </p>
                <p>{t(COVERAGE[facet], { answered: s.answered, count: s.total })}</p>
                {s.lowCoverage && s.score !== null && (
                  <p>
                    <strong class="tag tag-warning">{t('results.lowCoverage')}</strong>{' '}
                    <span class="hint">{t('results.lowCoverage.hint')}</span>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="flags-title">
        <h2 id="flags-title">{t('results.flags.title')}</h2>
        {scores.flags.length === 0 ? (
          <p>{t('results.flags.none')}</p>
        ) : (
          <ul class="flags">
            {scores.flags.map((f) => (
              <li key={f.itemId}>{t(`results.flag.${f.kind}`, { item: itemText(f.itemId) })}</li>
            ))}
          </ul>
        )}
        {signposts.length > 0 && (
          <>
            <h3>{t('results.help.title')}</h3>
            <ul>
              {signposts.map((s) => (
                <li key={s}>{m(`help.${s}`)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('results.plan.title')}</h2>
        {scores.plan.length === 0 ? (
          <p>{t('results.plan.none')}</p>
        ) : (
          <>
            <p>{t('results.plan.intro')}</p>
            <ol class="plan">
              {scores.plan.map((p) => (
                <li key={p.skillId} data-skill={p.skillId}>
                  <span class="plan-skill">{skillLabel(p.skillId)}</span>{' '}
                  <strong class={`tag tag-${p.band}`}>{t(`results.band.${p.band}`)}</strong>{' '}
                  <span class="hint">
                    {t('results.plan.detail', {
                      priority: p.priority,
                      heading: headingLabel(p.headingId),
                    })}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
        {scores.askAboutInterest.length > 0 && (
          <>
            <h3>{t('results.askInterest.title')}</h3>
            <p>{t('results.askInterest.intro')}</p>
            <ul class="ask-interest">
              {scores.askAboutInterest.map((id) => (
                <li key={id}>{skillLabel(id)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="headings-title">
        <h2 id="headings-title">{t('results.headings.title')}</h2>
        <figure class="figure">
          <figcaption>
            {t('results.headings.chartTitle')}{' '}
            <span class="hint">{t('results.headings.chartNote')}</span>
          </figcaption>
          <HeadingChart
            rows={scores.headings.map((h) => ({
              key: h.headingId,
              label: headingLabel(h.headingId),
              first: h.skill.score,
              second: h.interest.score,
            }))}
            firstLabel={t('section.skill')}
            secondLabel={t('section.interest')}
          />
        </figure>
        {/* Focusable and named: on a narrow screen the table scrolls sideways (WCAG 2.1.1). */}
        <DataTable
          columns={[t('results.headings.heading'), t('section.skill'), t('section.interest')]}
          labelledBy="headings-title"
        >
          {scores.headings.map((h) => (
            <tr key={h.headingId} data-heading={h.headingId}>
              <th scope="row">{headingLabel(h.headingId)}</th>
              <td>{cell(h.skill)}</td>
              <td>{cell(h.interest)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <Comparison assessment={assessment} headingLabel={headingLabel} />
      <Outcomes assessment={assessment} onChange={onChange} />
      <Revisits assessment={assessment} />
      <p class="no-print">
        <a href={`/assessments/${assessment.id}/plan`}>
          {t('results.printablePlan', {
            language: t(`plan.language.${assessment.language ?? locale}`),
          })}
        </a>
      </p>
      <div class="button-group no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('results.print')}
        </button>
        <a class="link-button" href="/">
          {t('results.back')}
        </a>
      </div>
    </>
  );
}

/** A link to the resident's progress when there is an earlier visit, and a revisit. */
function Revisits({ assessment }: { assessment: Assessment }) {
  const { t, locale } = useI18n();
  const { store, history } = useServices();
  const ref = assessment.residentRef;
  // The earlier visit may be on this device or fetched from the server for a revisit.
  const all = useAsync(
    async () =>
      Promise.all([store.list(), ref ? (await history()).forResident(ref) : Promise.resolve([])]),
    [store, history, ref],
  );
  if (!ref) return null;
  const earlier =
    all.status === 'done'
      ? previousVisit(
          assessment,
          all.value[0].flatMap((s) => (s.ok ? [s.assessment] : [])),
          all.value[1],
        )
      : undefined;
  const revisit = new URLSearchParams({
    ref,
    language: assessment.language ?? locale,
  });
  return (
    <ul class="no-print">
      {earlier && (
        <li>
          <a href={`/assessments/${assessment.id}/progress`}>
            {t('progress.link', { date: formatIsoDate(earlier.date, locale) })}
          </a>
        </li>
      )}
      <li>
        <a href={`/new?${revisit.toString()}`}>{t('results.revisit', { who: ref })}</a>
      </li>
    </ul>
  );
}

/**
 * Outcomes the resident reports since this assessment ("now banks online"), each with its date.
 * Every change is a new revision of the finished assessment, queued for the council's server.
 */
function Outcomes({
  assessment,
  onChange,
}: {
  assessment: Assessment;
  onChange: (next: Assessment) => void;
}) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(resultsMessages);
  const { store, organisation: organisationStore, sync, now } = useServices();
  const view = useSyncView();
  const organisation = useAsync(
    async () => (await organisationStore()).settings(),
    [organisationStore],
  );
  const own: readonly OutcomeType[] =
    organisation.status === 'done' ? (organisation.value?.outcomeTypes ?? []) : [];
  const today = localIsoDate(now());
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [date, setDate] = useState(today);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [said, setSaid] = useState('');
  const [saveError, setSaveError] = useState('');
  const outcomes = assessment.outcomes ?? [];

  // A kind the organisation has since removed is still shown, by its id.
  const label = (type: string): string => outcomeLabel(type, locale, own);
  const describe = (o: Outcome) => ({
    outcome: label(o.type),
    date: formatIsoDate(o.date, locale),
  });
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const save = async (next: Outcome[], done: string) => {
    setSaveError('');
    try {
      onChange(await store.setOutcomes(assessment.id, next));
      setSaid(done);
      void sync.trigger('finished');
      return true;
    } catch (error) {
      setSaid('');
      setSaveError(m('outcomes.saveError', { reason: failureText(t, locale, error) }));
      return false;
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!kind) found.push({ field: 'outcomeKind', message: m('outcomes.kind.error') });
    if (!isIsoDate(date) || date > today) {
      found.push({ field: 'outcomeDate', message: m('outcomes.date.error') });
    } else if (kind && outcomes.some((o) => o.type === kind && o.date === date)) {
      found.push({ field: 'outcomeDate', message: m('outcomes.duplicate') });
    }
    setErrors(found);
    if (found.length > 0 || !kind) return;
    const added = { type: kind, date };
    if (await save([...outcomes, added], m('outcomes.added', describe(added)))) {
      setKind(undefined);
    }
  };

  const options = [
    ...BUILT_IN_OUTCOMES.map((id) => ({ value: id, label: BUILT_IN_OUTCOME_LABELS[id][locale] })),
    ...own.map((k) => ({ value: k.id, label: k.label[locale] })),
  ];
  // Listed by date; each keeps its place in the stored list, so removing one removes that one.
  const listed = outcomes
    .map((outcome, index) => ({ outcome, index }))
    .sort((a, b) => a.outcome.date.localeCompare(b.outcome.date));

  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{m('outcomes.title')}</h2>
      <p class="no-print">{m('outcomes.intro')}</p>
      {listed.length === 0 ? (
        <p>{m('outcomes.none')}</p>
      ) : (
        <ul class="outcomes" aria-label={m('outcomes.list')}>
          {listed.map(({ outcome, index }) => (
            <li key={`${outcome.type} ${outcome.date}`} data-outcome={outcome.type}>
              {m('outcomes.item', describe(outcome))}{' '}
              <button
                type="button"
                class="button button-secondary button-small no-print"
                aria-label={m('outcomes.removeFor', describe(outcome))}
                onClick={() =>
                  void save(
                    outcomes.filter((_, i) => i !== index),
                    m('outcomes.removed', describe(outcome)),
                  )
                }
              >
                {m('outcomes.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="no-print" role="status">
        {said}
      </p>
      {saveError && (
        <p class="error-message" role="alert">
          {saveError}
        </p>
      )}
      {view && (
        <p class="no-print">
          {m('outcomes.status')} <RecordStatus assessment={assessment} view={view} />
        </p>
      )}
      <form class="no-print" onSubmit={submit} noValidate aria-labelledby="outcomes-add-title">
        <h3 id="outcomes-add-title">{m('outcomes.add.title')}</h3>
        <ErrorSummary errors={errors} />
        <Radios
          name="outcomeKind"
          legend={m('outcomes.kind.legend')}
          error={errorFor('outcomeKind')}
          options={options}
          value={kind}
          onChange={setKind}
        />
        <div class={errorFor('outcomeDate') ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="outcomeDate">
            {m('outcomes.date.label')}
          </label>
          {errorFor('outcomeDate') && (
            <p class="error-message" id="outcomeDate-error">
              {errorFor('outcomeDate')}
            </p>
          )}
          <input
            class="input input-date"
            id="outcomeDate"
            name="outcomeDate"
            type="date"
            max={today}
            value={date}
            aria-describedby={errorFor('outcomeDate') ? 'outcomeDate-error' : undefined}
            aria-invalid={errorFor('outcomeDate') ? true : undefined}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {m('outcomes.add')}
        </button>
      </form>
    </section>
  );
}

/**
 * The closest of the shipped illustrative profiles and the organisation's own baselines, and a
 * heading-by-heading comparison with one of them. Worded as a match, never as who the person is,
 * and always with where the figures come from.
 */
function Comparison({
  assessment,
  headingLabel,
}: {
  assessment: Assessment;
  headingLabel: (id: string) => string;
}) {
  const { locale } = useI18n();
  const m = useScreenMessages(resultsMessages);
  const { organisation } = useServices();
  const own = useAsync(async () => (await organisation()).baselines(), [organisation]);
  const candidates = useMemo(
    (): readonly Baseline[] => [
      ...PERSONAS,
      // Kept apart from the shipped ids, which an organisation may happen to reuse.
      ...(own.status === 'done' ? own.value : []).map((b) => ({ ...b, id: `org-${b.id}` })),
    ],
    [own],
  );
  const matches = useMemo(
    () => closestBaselines(assessment.answers, candidates, bankV1),
    [assessment.answers, candidates],
  );
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  if (own.status === 'loading') return null;
  const byId = new Map(candidates.map((b) => [b.id, b]));
  const closest = matches[0] ? byId.get(matches[0].baselineId) : undefined;
  const chosenMatch = matches.find((x) => x.baselineId === chosenId) ?? matches[0];
  const chosen = chosenMatch ? byId.get(chosenMatch.baselineId) : undefined;
  const provenance = (b: Baseline) => m(PROVENANCE_KEYS[b.provenance]);
  const cell = (score: number | null) =>
    score === null ? m('compare.cellNone') : m('compare.cell', { score });
  const pair = (c: ComparedScore) => [cell(c.person), cell(c.baseline)];

  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{m('compare.title')}</h2>
      <p>{m('compare.intro')}</p>
      {!closest || !chosen || !chosenMatch ? (
        <p>{m('compare.notPossible')}</p>
      ) : (
        <>
          <p class="compare-closest">
            <strong>{m('compare.closest', { name: closest.name[locale] })}</strong>{' '}
            <span class="tag tag-none">{provenance(closest)}</span>
          </p>
          {matches.length > 1 && (
            <div class="form-group no-print">
              <label class="label" for="compare-with">
                {m('compare.choose')}
              </label>
              <select
                class="input"
                id="compare-with"
                value={chosen.id}
                onChange={(e) => setChosenId(e.currentTarget.value)}
              >
                {matches.map((x) => {
                  const b = byId.get(x.baselineId);
                  return b ? (
                    <option key={b.id} value={b.id}>
                      {m('compare.option', { name: b.name[locale], provenance: provenance(b) })}
                    </option>
                  ) : null;
                })}
              </select>
            </div>
          )}
          <h3 id="compare-table-title">
            {m('compare.table.title', { name: chosen.name[locale] })}
          </h3>
          <p>
            <span class="tag tag-none" data-provenance={chosen.provenance}>
              {provenance(chosen)}
            </span>{' '}
            {m('compare.source', { source: chosen.source })}
          </p>
          <p class="hint">{m('compare.common', { common: chosenMatch.common })}</p>
          <DataTable
            columns={[
              m('compare.table.heading'),
              m('compare.table.skillHere'),
              m('compare.table.skillThem'),
              m('compare.table.interestHere'),
              m('compare.table.interestThem'),
            ]}
            labelledBy="compare-table-title"
          >
            {compareWithBaseline(assessment.answers, chosen, bankV1).headings.map((h) => (
              <tr key={h.headingId} data-compare-heading={h.headingId}>
                <th scope="row">{headingLabel(h.headingId)}</th>
                {[...pair(h.skill), ...pair(h.interest)].map((text, i) => (
                  <td key={i}>{text}</td>
                ))}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
