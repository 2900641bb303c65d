import type { Assessment } from '../../domain/index.ts';
import type { StoredAssessment } from '../../storage/assessment-store.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { RecordStatus } from '../components/RecordStatus.tsx';
import { formatIsoDate } from '../format.ts';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { answeredCount } from '../progress.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { useSyncView, type SyncView } from '../use-sync-view.ts';
import { residentMessages } from './resident.messages.ts';

/** The start screen: start or resume an assessment, and every assessment on this device. */
export function HomeScreen() {
  const { t, locale } = useI18n();
  const r = useScreenMessages(residentMessages);
  const { store } = useServices();
  const view = useSyncView();
  // Read the list again when sync reports a change: an assessment may have been finished or sent.
  const rows = useAsync(() => store.list(), [store, view?.state.version]);

  return (
    <>
      <PageTitle focusKey="home">{t('home.title')}</PageTitle>
      <p>
        <a class="button" href="/new">
          {t('home.start')}
        </a>
      </p>
      <p>
        <a class="button button-secondary" href="/resident" aria-describedby="resident-hint">
          {r('home.start')}
        </a>
      </p>
      <p class="hint" id="resident-hint">
        {r('home.hint')}
      </p>
      {rows.status === 'loading' && <p>{t('app.loading')}</p>}
      {rows.status === 'error' && (
        <p class="error-message" role="alert">
          {t('home.loadError', { reason: failureText(t, locale, rows.error) })}
        </p>
      )}
      {rows.status === 'done' && view && <AssessmentLists rows={rows.value} view={view} />}
    </>
  );
}

function AssessmentLists({ rows, view }: { rows: readonly StoredAssessment[]; view: SyncView }) {
  const { t } = useI18n();
  const good = rows.flatMap((r) => (r.ok ? [r.assessment] : []));
  const damaged = rows.flatMap((r) => (r.ok ? [] : [r]));
  const inProgress = good.filter((a) => a.status === 'in-progress');
  const finished = good.filter((a) => a.status === 'finished');
  const latest = inProgress[0];
  return (
    <>
      {latest && <ResumeOffer assessment={latest} />}
      {good.length === 0 && damaged.length === 0 && <p>{t('home.none')}</p>}
      {good.length > 0 && (
        <>
          <AssessmentTable
            id="in-progress"
            title={t('home.inProgress')}
            empty={t('home.noneInProgress')}
            rows={inProgress}
            view={view}
          />
          <AssessmentTable
            id="finished"
            title={t('home.finished')}
            empty={t('home.noneFinished')}
            rows={finished}
            view={view}
          />
        </>
      )}
      {damaged.length > 0 && (
        <section class="panel panel-warning" aria-labelledby="damaged-title">
          <h2 id="damaged-title">{t('home.damaged.title')}</h2>
          <p>{t('home.damaged.body')}</p>
          <ul>
            {damaged.map((d) => (
              <li key={d.id}>
                <a
                  href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(d.raw, null, 2))}`}
                  download={`doorstep-record-${d.id}.json`}
                >
                  {t('home.damaged.download', { id: d.id })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ResumeOffer({ assessment }: { assessment: Assessment }) {
  const { t, locale } = useI18n();
  return (
    <section class="panel panel-highlight" aria-labelledby="resume-title">
      <h2 id="resume-title">{t('home.resume.title')}</h2>
      <p>
        {t('home.resume.body', {
          who: assessment.residentRef ?? t('home.anonymous'),
          date: formatIsoDate(assessment.date, locale),
        })}
      </p>
      <p>{t('home.answered', answeredCount(assessment))}</p>
      <a class="button" href={`/assessments/${assessment.id}/${assessment.step + 1}`}>
        {t('home.resume.action')}
      </a>
    </section>
  );
}

function AssessmentTable(props: {
  id: string;
  title: string;
  empty: string;
  rows: readonly Assessment[];
  view: SyncView;
}) {
  const { t, locale } = useI18n();
  const { id } = props;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <DataTable
          columns={[
            t('home.table.resident'),
            t('home.table.date'),
            t('home.table.venue'),
            t('home.table.set'),
            t('home.table.progress'),
            t('home.table.server'),
            t('home.table.action'),
          ]}
        >
          {props.rows.map((a) => {
            const who = a.residentRef ?? t('home.anonymous');
            return (
              <tr key={a.id}>
                <td>{who}</td>
                <td>{formatIsoDate(a.date, locale)}</td>
                <td>{t(`venue.${a.venue}`)}</td>
                <td>{t(`set.${a.set}`)}</td>
                <td>{t('home.answered', answeredCount(a))}</td>
                <td>
                  <RecordStatus assessment={a} view={props.view} />
                </td>
                <td>
                  {a.status === 'finished' ? (
                    <a
                      href={`/assessments/${a.id}/results`}
                      aria-label={t('home.viewResultsFor', { who })}
                    >
                      {t('home.viewResults')}
                    </a>
                  ) : (
                    <a
                      href={`/assessments/${a.id}/${a.step + 1}`}
                      aria-label={t('home.continueFor', { who })}
                    >
                      {t('home.continue')}
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
