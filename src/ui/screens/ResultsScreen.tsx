import {
  bankV1,
  scaleV1,
  scoreAssessment,
  signpostsFor,
  type Assessment,
  type Facet,
  type SectionScore,
} from '../../domain/index.ts';
import { HeadingChart } from '../components/HeadingChart.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StoredAssessment } from '../components/StoredAssessment.tsx';
import { formatIsoDate } from '../format.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useWords, type Words } from '../i18n/words.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { previousVisit } from '../visits.ts';
import { planMessages } from './plan.messages.ts';

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

function Results({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  const words = useWords();
  return words ? <Profile assessment={assessment} words={words} /> : <p>{t('app.loading')}</p>;
}

function Profile({ assessment, words }: { assessment: Assessment; words: Words }) {
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

/** A link to the resident's progress when this device holds an earlier visit, and a revisit. */
function Revisits({ assessment }: { assessment: Assessment }) {
  const { t, locale } = useI18n();
  const { store } = useServices();
  const all = useAsync(() => store.list(), [store]);
  if (!assessment.residentRef) return null;
  const earlier =
    all.status === 'done'
      ? previousVisit(
          assessment,
          all.value.flatMap((s) => (s.ok ? [s.assessment] : [])),
        )
      : undefined;
  const revisit = new URLSearchParams({
    ref: assessment.residentRef,
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
        <a href={`/new?${revisit.toString()}`}>
          {t('results.revisit', { who: assessment.residentRef })}
        </a>
      </li>
    </ul>
  );
}
