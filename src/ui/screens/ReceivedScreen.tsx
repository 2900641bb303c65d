import { assessmentListResponseSchema } from '../../shared/council-api.ts';
import { OnlineData } from '../components/OnlineData.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { downloadFile } from '../download.ts';
import { formatDateTime, formatIsoDate } from '../format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';

/** For coordinators: what the server holds for their organisation, and the CSV of it. */
export default function ReceivedScreen() {
  const { t, locale } = useI18n();
  const { client } = useServices();
  return (
    <>
      <PageTitle focusKey="received">{t('received.title')}</PageTitle>
      <OnlineData
        load={(e) => client.get(e.token, '/api/assessments', assessmentListResponseSchema)}
        deps={[]}
      >
        {({ enrolment, data }) => (
          <>
            <p>{t('received.intro', { organisation: enrolment.organisation.name })}</p>
            <p>
              <button
                type="button"
                class="button button-secondary"
                onClick={async () => {
                  const csv = await client.download(enrolment.token, '/api/assessments.csv');
                  downloadFile('doorstep-assessments.csv', csv);
                }}
              >
                {t('received.csv')}
              </button>
            </p>
            {data.assessments.length === 0 ? (
              <p>{t('received.none')}</p>
            ) : (
              // Eight columns scroll sideways on most screens: the scroller takes keyboard focus
              // (WCAG 2.1.1) and is named, so it can be scrolled and is announced.
              <DataTable
                columns={[
                  t('received.table.resident'),
                  t('received.table.date'),
                  t('section.basics'),
                  t('section.blockers'),
                  t('section.skill'),
                  t('section.interest'),
                  t('received.table.sentBy'),
                  t('received.table.received'),
                ]}
                label={t('received.title')}
              >
                {data.assessments.map((a) => (
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
              </DataTable>
            )}
          </>
        )}
      </OnlineData>
    </>
  );
}
