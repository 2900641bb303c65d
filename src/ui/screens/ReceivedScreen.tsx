import { assessmentListResponseSchema } from '../../shared/protocol.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { downloadFile } from '../download.ts';
import { formatDateTime, formatIsoDate } from '../format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { useOnlineData } from '../use-online-data.ts';

/** For coordinators: what the server holds for their organisation, and the CSV of it. */
export default function ReceivedScreen() {
  const { t, locale } = useI18n();
  const { client } = useServices();
  const loaded = useOnlineData(
    (e) => client.get(e.token, '/api/assessments', assessmentListResponseSchema),
    [],
  );
  return (
    <>
      <PageTitle focusKey="received">{t('received.title')}</PageTitle>
      {loaded.status === 'loading' && <p>{t('app.loading')}</p>}
      {loaded.status === 'error' && (
        <p class="error-message" role="alert">
          {t('online.needed', { reason: loaded.error.message })}
        </p>
      )}
      {loaded.status === 'done' && loaded.value === null && <p>{t('online.notEnrolled')}</p>}
      {loaded.status === 'done' && loaded.value && (
        <>
          <p>{t('received.intro', { organisation: loaded.value.enrolment.organisation.name })}</p>
          <p>
            <button
              type="button"
              class="button button-secondary"
              onClick={async () => {
                const token = loaded.value?.enrolment.token ?? '';
                const csv = await client.download(token, '/api/assessments.csv');
                downloadFile('doorstep-assessments.csv', csv);
              }}
            >
              {t('received.csv')}
            </button>
          </p>
          {loaded.value.data.assessments.length === 0 ? (
            <p>{t('received.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('received.table.resident')}</th>
                    <th scope="col">{t('received.table.date')}</th>
                    <th scope="col">{t('section.basics')}</th>
                    <th scope="col">{t('section.blockers')}</th>
                    <th scope="col">{t('section.skill')}</th>
                    <th scope="col">{t('section.interest')}</th>
                    <th scope="col">{t('received.table.sentBy')}</th>
                    <th scope="col">{t('received.table.received')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.value.data.assessments.map((a) => (
                    <tr key={a.id} data-record={a.id}>
                      <td>{a.residentRef ?? t('home.anonymous')}</td>
                      <td>{formatIsoDate(a.date, locale)}</td>
                      {(['basics', 'blockers', 'skill', 'interest'] as const).map((facet) => {
                        const s = a.sections[facet];
                        return (
                          <td key={facet} data-section={facet}>
                            {s.score === null
                              ? t('results.headings.notScored')
                              : t(
                                  s.lowCoverage
                                    ? 'results.headings.cellLow'
                                    : 'results.headings.cell',
                                  {
                                    score: s.score,
                                    answered: s.answered,
                                    count: s.total,
                                  },
                                )}
                          </td>
                        );
                      })}
                      <td>
                        {t('received.sentBy', { person: a.person.name, device: a.device.name })}
                      </td>
                      <td>{formatDateTime(a.receivedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
