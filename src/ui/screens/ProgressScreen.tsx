import {
  bankV1,
  progressBetween,
  scaleV1,
  scoreAssessment,
  type Assessment,
  type Facet,
  type PairedGain,
} from '../../domain/index.ts';
import { DataTable } from '../components/DataTable.tsx';
import { HeadingChart } from '../components/HeadingChart.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StoredAssessment } from '../components/StoredAssessment.tsx';
import { formatIsoDate } from '../format.ts';
import { useI18n, useScreenMessages, type Params } from '../i18n/i18n.ts';
import { useWords, type Words } from '../i18n/words.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { earlierVisit, type VisitSource } from '../visits.ts';
import { progressMessages, type ProgressKey } from './progress.messages.ts';

/**
 * A resident's progress since their previous visit: the same reference, the finished assessment
 * before this one, made on this device or fetched from the server when a revisit was started. Paired items only, always with the basis; declines shown
 * plainly; interest apart from skill.
 */
export default function ProgressScreen({ id }: { id: string }) {
  return <StoredAssessment id={id}>{(later) => <WithEarlier later={later} />}</StoredAssessment>;
}

function WithEarlier({ later }: { later: Assessment }) {
  const { t } = useI18n();
  const m = useScreenMessages(progressMessages);
  const { store, history } = useServices();
  const words = useWords();
  const all = useAsync(
    async () => ({
      own: (await store.list()).flatMap((s) => (s.ok ? [s.assessment] : [])),
      fetched: later.residentRef ? await (await history()).forResident(later.residentRef) : [],
    }),
    [store, history],
  );
  if (all.status !== 'done' || !words) return <p>{t('app.loading')}</p>;
  const earlier = earlierVisit(later, all.value.own, all.value.fetched);
  if (!earlier) {
    return (
      <>
        <PageTitle focusKey="no-progress">{m('title')}</PageTitle>
        <p>{m('noEarlier', { who: later.residentRef ?? t('home.anonymous') })}</p>
        <a href={`/assessments/${later.id}/results`}>{t('plan.back')}</a>
      </>
    );
  }
  return <Progress earlier={earlier.assessment} from={earlier.from} later={later} words={words} />;
}

const BASIS: Record<Facet, ProgressKey> = {
  basics: 'basis.basics',
  blockers: 'basis.blockers',
  skill: 'basis.skills',
  interest: 'basis.skills',
};

function Progress(props: {
  earlier: Assessment;
  from: VisitSource;
  later: Assessment;
  words: Words;
}) {
  const { earlier, from, later, words } = props;
  const { t, locale } = useI18n();
  const m = useScreenMessages(progressMessages);
  const progress = progressBetween(earlier.answers, later.answers, bankV1, scaleV1);
  const before = scoreAssessment(earlier.answers, bankV1, scaleV1);
  const after = scoreAssessment(later.answers, bankV1, scaleV1);
  const skill = (id: string) => words.skill(id).label;
  const headingScore = (scores: typeof before, headingId: string) =>
    scores.headings.find((h) => h.headingId === headingId)?.skill.score ?? null;
  const declined = progress.changes.filter((c) => c.change < 0 && c.facet !== 'interest');
  const notInterest = (['basics', 'blockers', 'skill'] as const).map((f) => progress.sections[f]);
  const count = (k: 'improved' | 'unchanged' | 'declined') =>
    notInterest.reduce((n, s) => n + s[k], 0);

  return (
    <>
      <p class="caption">
        {m('caption', {
          who: later.residentRef ?? t('home.anonymous'),
          from: formatIsoDate(earlier.date, locale),
          to: formatIsoDate(later.date, locale),
        })}
      </p>
      <PageTitle focusKey="progress">{m('title')}</PageTitle>
      <p data-earlier-from={from}>
        {m(from === 'server' ? 'from.server' : 'from.device', {
          date: formatIsoDate(earlier.date, locale),
        })}
      </p>

      <section aria-labelledby="progress-sections">
        <h2 id="progress-sections">{m('sections.title')}</h2>
        <p>{m('sections.intro')}</p>
        <DataTable columns={[m('table.section'), m('table.gain'), m('table.basis')]}>
          {(['basics', 'blockers', 'skill', 'interest'] as const).map((facet) => {
            const s = progress.sections[facet];
            return (
              <tr key={facet} data-section={facet}>
                <th scope="row">{t(`section.${facet}`)}</th>
                <td>{gainText(m, s)}</td>
                <td>{m(BASIS[facet], { answered: s.paired, count: s.total })}</td>
              </tr>
            );
          })}
        </DataTable>
      </section>

      <section aria-labelledby="progress-headline">
        <h2 id="progress-headline">{m('headline.title')}</h2>
        <ul class="progress-counts">
          <Count
            label={m('independent', { count: progress.nowIndependent.length })}
            items={progress.nowIndependent.map(skill)}
          />
          <Count
            label={m('prioritiesMet', { count: progress.prioritiesMet.length })}
            items={progress.prioritiesMet.map(skill)}
          />
          <Count
            label={m('blockersEased', { count: progress.blockersEased.length })}
            items={progress.blockersEased.map(words.item)}
          />
          <li>
            {m('items', {
              improved: count('improved'),
              unchanged: count('unchanged'),
              declined: count('declined'),
            })}
          </li>
        </ul>
        {declined.length > 0 && (
          <>
            <h3>{m('declined.title')}</h3>
            <p class="hint">{m('declined.intro')}</p>
            <ul>
              {declined.map((c) => (
                <li key={`${c.facet}-${c.itemId}`}>
                  {m('declined.item', {
                    item: c.facet === 'skill' ? skill(c.itemId) : words.item(c.itemId),
                    before: c.before,
                    after: c.after,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('section.interest')}</h3>
        <p>
          {m('interest', {
            improved: progress.sections.interest.improved,
            unchanged: progress.sections.interest.unchanged,
            declined: progress.sections.interest.declined,
          })}
        </p>
      </section>

      <section aria-labelledby="progress-headings">
        <h2 id="progress-headings">{m('headings.title')}</h2>
        <figure class="figure">
          <figcaption>
            {m('headings.chartTitle')} <span class="hint">{t('results.headings.chartNote')}</span>
          </figcaption>
          <HeadingChart
            rows={bankV1.headings.map((h) => ({
              key: h.id,
              label: words.heading(h.id),
              first: headingScore(before, h.id),
              second: headingScore(after, h.id),
            }))}
            firstLabel={m('earlier')}
            secondLabel={m('later')}
          />
        </figure>
        <DataTable
          columns={[t('results.headings.heading'), m('earlier'), m('later'), m('table.gain')]}
          labelledBy="progress-headings"
        >
          {progress.headings.map((h) => (
            <tr key={h.headingId} data-heading={h.headingId}>
              <th scope="row">{words.heading(h.headingId)}</th>
              <td>{headingScore(before, h.headingId) ?? t('results.headings.notScored')}</td>
              <td>{headingScore(after, h.headingId) ?? t('results.headings.notScored')}</td>
              <td>{gainText(m, h.skill)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <div class="button-group no-print">
        <a class="link-button" href={`/assessments/${later.id}/results`}>
          {t('plan.back')}
        </a>
      </div>
    </>
  );
}

function Count({ label, items }: { label: string; items: readonly string[] }) {
  return (
    <li>
      {label}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function gainText(m: (key: ProgressKey, params?: Params) => string, s: PairedGain): string {
  if (s.gain === null) return m('gain.none');
  if (s.gain > 0) return m('gain.up', { points: s.gain });
  if (s.gain < 0) return m('gain.down', { points: -s.gain });
  return m('gain.same');
}
