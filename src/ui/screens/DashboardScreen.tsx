import { useMemo, useState } from 'preact/hooks';
import personas from '../../domain/bank/personas-v1.json';
import {
  FACETS,
  PERIODS,
  bankV1,
  baselineFromCohort,
  cohortFigures,
  compareBaselines,
  decodeAnswers,
  loadBaselines,
  outcomeCounts,
  outcomeLabel,
  residentsOf,
  scaleV1,
  type Answers,
  type Baseline,
  type CohortFigures,
  type Figure,
  type OutcomeType,
  type Period,
  type ResidentVisits,
} from '../../domain/index.ts';
import {
  baselineListResponseSchema,
  cohortResponseSchema,
  organisationSettingsSchema,
  programmeListResponseSchema,
  type CohortRecord,
  type ProgrammeSummary,
} from '../../shared/council-api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { FigureBars } from '../components/FigureBars.tsx';
import { HeadingChart } from '../components/HeadingChart.tsx';
import { OnlineData } from '../components/OnlineData.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { downloadFile } from '../download.ts';
import { useI18n, useScreenMessages, type UiLocale } from '../i18n/i18n.ts';
import { useWords, type Words } from '../i18n/words.ts';
import { useServices } from '../services.ts';
import { dashboardMessages, type DashboardKey } from './dashboard.messages.ts';

type M = (key: DashboardKey, params?: Readonly<Record<string, string | number>>) => string;

/** Shipped with the app; checked against the bank once, when the screen first loads. */
const SHIPPED = loadBaselines(personas, bankV1);
/** "All programmes": no programme in the query. */
const ALL = '\u0000all';

/** The cohort as the server sends it, its answers decoded. */
interface LoadedCohort {
  readonly minGroup: number;
  readonly records: readonly (Omit<CohortRecord, 'answers'> & { readonly answers: Answers })[];
}

interface Query {
  readonly programme: string;
  readonly venueName: string;
  readonly from: string;
  readonly to: string;
}

/**
 * For coordinators: a programme's figures, worked out here from the assessments the server holds
 * (each resident once, small groups suppressed), its outcomes, and a baseline to compare with.
 */
export default function DashboardScreen() {
  const { client } = useServices();
  const m = useScreenMessages(dashboardMessages);
  return (
    <>
      <PageTitle focusKey="dashboard">{m('title')}</PageTitle>
      <OnlineData
        load={async (e) => {
          const [programmes, settings, baselines] = await Promise.all([
            client.get(e.token, '/api/programmes', programmeListResponseSchema),
            client.get(e.token, '/api/settings', organisationSettingsSchema),
            client.get(e.token, '/api/baselines', baselineListResponseSchema),
          ]);
          return {
            programmes: programmes.programmes,
            outcomeTypes: settings.outcomeTypes,
            baselines: baselines.baselines,
          };
        }}
        deps={[]}
      >
        {({ enrolment, data }) => (
          <>
            <p>{m('intro', { organisation: enrolment.organisation.name })}</p>
            <Dashboard
              token={enrolment.token}
              programmes={data.programmes}
              outcomeTypes={data.outcomeTypes}
              baselines={[...SHIPPED, ...data.baselines]}
            />
          </>
        )}
      </OnlineData>
    </>
  );
}

function Dashboard(props: {
  token: string;
  programmes: readonly ProgrammeSummary[];
  outcomeTypes: readonly OutcomeType[];
  baselines: readonly Baseline[];
}) {
  const { client } = useServices();
  const m = useScreenMessages(dashboardMessages);
  const [draft, setDraft] = useState<Query>({ programme: ALL, venueName: '', from: '', to: '' });
  const [query, setQuery] = useState<Query>(draft);
  const named = props.programmes.filter((p) => p.programme !== '');
  const chosen = props.programmes.find((p) => p.programme === draft.programme);
  const venues =
    draft.programme === ALL
      ? [...new Set(props.programmes.flatMap((p) => p.venueNames))].sort()
      : (chosen?.venueNames ?? []);
  const search = new URLSearchParams();
  if (query.programme !== ALL) search.set('programme', query.programme);
  if (query.venueName) search.set('venueName', query.venueName);
  if (query.from) search.set('from', query.from);
  if (query.to) search.set('to', query.to);
  const path = `/api/cohort?${search.toString()}`;
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <fieldset class="fieldset">
          <legend class="legend">{m('filter.title')}</legend>
          <div class="form-group">
            <label class="label" for="dashboard-programme">
              {m('filter.programme')}
            </label>
            <select
              class="input"
              id="dashboard-programme"
              value={draft.programme}
              onChange={(e) =>
                setDraft({ ...draft, programme: e.currentTarget.value, venueName: '' })
              }
            >
              <option value={ALL}>{m('filter.all')}</option>
              <option value="">{m('filter.none')}</option>
              {named.map((p) => (
                <option key={p.programme} value={p.programme}>
                  {p.programme}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="dashboard-venue">
              {m('filter.venue')}
            </label>
            <select
              class="input"
              id="dashboard-venue"
              value={draft.venueName}
              onChange={(e) => setDraft({ ...draft, venueName: e.currentTarget.value })}
            >
              <option value="">{m('filter.anyVenue')}</option>
              {venues.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="dashboard-from">
              {m('filter.from')}
            </label>
            <input
              class="input input-short"
              type="date"
              id="dashboard-from"
              value={draft.from}
              onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
          </div>
          <div class="form-group">
            <label class="label" for="dashboard-to">
              {m('filter.to')}
            </label>
            <input
              class="input input-short"
              type="date"
              id="dashboard-to"
              value={draft.to}
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </div>
          <button type="submit" class="button">
            {m('filter.show')}
          </button>
        </fieldset>
      </form>
      <OnlineData
        load={async (e) => {
          const cohort = await client.get(e.token, path, cohortResponseSchema);
          // Compact on the wire; decoded once per load, not on every render.
          return {
            minGroup: cohort.minGroup,
            records: cohort.records.map((r) => ({
              ...r,
              answers: decodeAnswers(r.answers, bankV1),
            })),
          };
        }}
        deps={[path]}
      >
        {({ data }) =>
          data.records.length === 0 ? (
            <p data-figure="none">{m('none')}</p>
          ) : (
            <Cohort
              cohort={data}
              outcomeTypes={props.outcomeTypes}
              download={async (period) => {
                const params = new URLSearchParams({ period });
                if (query.programme !== ALL) params.set('programme', query.programme);
                const csv = await client.download(
                  props.token,
                  `/api/outcomes.csv?${params.toString()}`,
                );
                downloadFile('doorstep-outcomes.csv', csv);
              }}
              baselines={props.baselines}
            />
          )
        }
      </OnlineData>
    </>
  );
}

/** The figures are worked out once per cohort loaded, not on every render. */
function Cohort(props: {
  cohort: LoadedCohort;
  outcomeTypes: readonly OutcomeType[];
  download: (period: Period) => Promise<void>;
  baselines: readonly Baseline[];
}) {
  const computed = useMemo(() => {
    const residents = residentsOf(props.cohort.records);
    return {
      residents,
      figures: cohortFigures(residents, bankV1, scaleV1, props.cohort.minGroup),
    };
  }, [props.cohort]);
  return (
    <>
      <Figures {...props} figures={computed.figures} />
      <Comparison
        residents={computed.residents}
        minGroup={props.cohort.minGroup}
        baselines={props.baselines}
      />
    </>
  );
}

function Figures(props: {
  cohort: LoadedCohort;
  figures: CohortFigures;
  outcomeTypes: readonly OutcomeType[];
  download: (period: Period) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(dashboardMessages);
  const words = useWords();
  const { figures } = props;
  const [period, setPeriod] = useState<Period>('quarter');
  const outcomes = useMemo(
    () => outcomeCounts(props.cohort.records, period),
    [props.cohort, period],
  );
  const min = props.cohort.minGroup;
  const shown = <T,>(f: Figure<T>, text: (value: T) => string) =>
    f.suppressed ? m('suppressed', { min }) : text(f.value);
  const meanOf = (f: Figure<{ mean: number }>) => (f.suppressed ? null : f.value.mean);
  const signed = (value: number) =>
    m('points', { value: value > 0 ? `+${fmt(value, locale)}` : fmt(value, locale) });
  return (
    <>
      <p>{m('threshold', { min })}</p>
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{m('summary.title')}</h2>
        <ul class="score-cards">
          {(
            [
              ['residents', m('summary.residents'), figures.residents],
              ['assessments', m('summary.assessments'), figures.assessments],
              ['revisited', m('summary.revisited'), figures.revisited],
            ] as const
          ).map(([key, label, figure]) => (
            <li class="score-card" key={key}>
              <h3>{label}</h3>
              <p class={figure.suppressed ? undefined : 'score-value'} data-figure={key}>
                {shown(figure, String)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{m('profile.title')}</h2>
        <p>{m('profile.intro')}</p>
        <FigureBars
          title={m('chart.profile')}
          rows={FACETS.map((facet) => ({
            key: facet,
            label: t(`section.${facet}`),
            value: meanOf(figures.profile[facet]),
            text: shown(figures.profile[facet], (v) => fmt(v.mean, locale)),
          }))}
        />
        <MeanMedianTable
          id="profile"
          label={m('profile.title')}
          rows={FACETS.map((facet) => ({
            key: facet,
            label: t(`section.${facet}`),
            figure: figures.profile[facet],
          }))}
          show={(v) => fmt(v, locale)}
          m={m}
          min={min}
        />
      </section>

      <section aria-labelledby="priorities-title">
        <h2 id="priorities-title">{m('priorities.title')}</h2>
        <p>{m('priorities.intro')}</p>
        {words === null ? (
          <p>{t('app.loading')}</p>
        ) : (
          <Priorities figures={figures} words={words} m={m} min={min} />
        )}
      </section>

      <section aria-labelledby="gain-title">
        <h2 id="gain-title">{m('gain.title')}</h2>
        <p>{m('gain.intro')}</p>
        <MeanMedianTable
          id="gain"
          label={m('gain.title')}
          rows={FACETS.map((facet) => ({
            key: facet,
            label: t(`section.${facet}`),
            figure: figures.gain[facet],
          }))}
          show={signed}
          m={m}
          min={min}
        />
      </section>

      <section aria-labelledby="outcomes-title">
        <h2 id="outcomes-title">{m('outcomes.title')}</h2>
        <div class="form-group">
          <label class="label" for="dashboard-period">
            {m('outcomes.period')}
          </label>
          <select
            class="input"
            id="dashboard-period"
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value as Period)}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {m(`period.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {outcomes.length === 0 ? (
          <p>{m('outcomes.none')}</p>
        ) : (
          <DataTable
            labelledBy="outcomes-title"
            columns={[m('table.period'), m('table.outcome'), m('table.count')]}
          >
            {outcomes.map((o) => (
              <tr key={`${o.period} ${o.type}`} data-outcome={o.type}>
                <td>{o.period}</td>
                <td>{outcomeLabel(o.type, locale, props.outcomeTypes)}</td>
                <td>{o.count}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => void props.download(period)}
          >
            {m('outcomes.csv')}
          </button>
        </p>
      </section>
    </>
  );
}

function Priorities(props: { figures: CohortFigures; words: Words; m: M; min: number }) {
  const { locale } = useI18n();
  const { figures, words, m, min } = props;
  const rows = figures.priorities.map((p) => ({
    key: p.skillId,
    label: words.skill(p.skillId).label,
    value: p.highPercent.suppressed ? null : p.highPercent.value,
    text: p.highPercent.suppressed
      ? m('suppressed', { min })
      : m('percent', { value: fmt(p.highPercent.value, locale) }),
    n: p.highPercent.n,
  }));
  // Only the shown ones make a chart: a column of empty tracks says nothing.
  const charted = rows.filter((r) => r.value !== null);
  return (
    <>
      {charted.length > 0 && <FigureBars title={m('chart.priorities')} rows={charted} />}
      <DataTable
        labelledBy="priorities-title"
        columns={[m('table.skill'), m('table.share'), m('table.n')]}
      >
        {rows.map((r) => (
          <tr key={r.key} data-skill={r.key}>
            <td>{r.label}</td>
            {r.value === null ? (
              <td colSpan={2}>{r.text}</td>
            ) : (
              <>
                <td>{r.text}</td>
                <td>{r.n}</td>
              </>
            )}
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function MeanMedianTable(props: {
  id: string;
  label: string;
  rows: readonly {
    key: string;
    label: string;
    figure: Figure<{ mean: number; median: number }>;
  }[];
  show: (value: number) => string;
  m: M;
  min: number;
}) {
  const { m, min } = props;
  return (
    <DataTable
      label={props.label}
      columns={[m('table.section'), m('table.mean'), m('table.median'), m('table.n')]}
    >
      {props.rows.map(({ key, label, figure }) => (
        <tr key={key} data-table={props.id} data-section={key}>
          <td>{label}</td>
          {/* Not even n: a small group's size is itself a figure about it. */}
          {figure.suppressed ? (
            <td colSpan={3}>{m('suppressed', { min })}</td>
          ) : (
            <>
              <td>{props.show(figure.value.mean)}</td>
              <td>{props.show(figure.value.median)}</td>
              <td>{figure.n}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

function Comparison(props: {
  residents: readonly ResidentVisits[];
  minGroup: number;
  baselines: readonly Baseline[];
}) {
  const { locale, t } = useI18n();
  const m = useScreenMessages(dashboardMessages);
  const words = useWords();
  const { residents, minGroup: min } = props;
  const [baselineId, setBaselineId] = useState(props.baselines[0]?.id ?? '');
  // Latest visits averaged per question; questions too few answered are left out (suppressed).
  const ours = useMemo(
    () =>
      baselineFromCohort(
        residents.map((r) => r.visits[r.visits.length - 1] as Answers),
        { id: 'cohort', name: { en: 'This cohort', cy: 'Y garfan hon' }, source: 'cohort' },
        bankV1,
        min,
      ),
    [residents, min],
  );
  const baseline = props.baselines.find((b) => b.id === baselineId);
  const comparison = useMemo(
    () => (baseline ? compareBaselines(ours, baseline, bankV1) : null),
    [ours, baseline],
  );
  if (props.baselines.length === 0) return null;
  const rows = comparison?.headings.filter((h) => h.skill.common > 0) ?? [];
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{m('compare.title')}</h2>
      <p>{m('compare.intro', { min })}</p>
      <div class="form-group">
        <label class="label" for="dashboard-baseline">
          {m('compare.baseline')}
        </label>
        <select
          class="input"
          id="dashboard-baseline"
          value={baselineId}
          onChange={(e) => setBaselineId(e.currentTarget.value)}
        >
          {props.baselines.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name[locale]}
            </option>
          ))}
        </select>
      </div>
      {baseline && (
        <p data-provenance={baseline.provenance}>
          {m('compare.source', {
            provenance: m(`provenance.${baseline.provenance}`),
            source: baseline.source,
          })}
        </p>
      )}
      {words === null ? (
        <p>{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{m('compare.none')}</p>
      ) : (
        <>
          <HeadingChart
            rows={rows.map((h) => ({
              key: h.headingId,
              label: words.heading(h.headingId),
              first: h.skill.person,
              second: h.skill.baseline,
            }))}
            firstLabel={m('compare.cohort')}
            secondLabel={baseline?.name[locale] ?? ''}
          />
          <DataTable
            labelledBy="compare-title"
            columns={[
              m('table.heading'),
              m('compare.cohort'),
              baseline?.name[locale] ?? m('compare.baseline'),
              m('table.common'),
            ]}
          >
            {rows.map((h) => (
              <tr key={h.headingId} data-heading={h.headingId}>
                <td>{words.heading(h.headingId)}</td>
                <td>{h.skill.person ?? '–'}</td>
                <td>{h.skill.baseline ?? '–'}</td>
                <td>{h.skill.common}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

const fmt = (value: number, locale: UiLocale) =>
  new Intl.NumberFormat(locale === 'cy' ? 'cy' : 'en-GB', { maximumFractionDigits: 1 }).format(
    value,
  );
