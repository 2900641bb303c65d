import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { Assessment } from '../../domain/index.ts';
import { persistStorage } from '../../storage/persistence.ts';
import type { DrainOutcome } from '../../sync/drain.ts';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { storageMessages } from '../components/storage.messages.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { RecordStatus } from '../components/RecordStatus.tsx';
import { downloadJson } from '../download.ts';
import { formatDateTime } from '../format.ts';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { useSyncView, type SyncView } from '../use-sync-view.ts';

/** Where every record stands with the server, what to do about it, and signing out. */
export default function SyncScreen() {
  const { t } = useI18n();
  const { store } = useServices();
  const view = useSyncView();
  const rows = useAsync(() => store.list(), [store, view?.state.version]);
  const assessments =
    rows.status === 'done' ? rows.value.flatMap((r) => (r.ok ? [r.assessment] : [])) : [];
  return (
    <>
      <PageTitle focusKey="sync">{t('sync.title')}</PageTitle>
      {view && <Connection view={view} />}
      {view && <LastOutcome outcome={view.state.last} />}
      {view && <Queue view={view} assessments={assessments} />}
      <Storage />
      {view?.enrolment && <SignOut view={view} assessments={assessments} />}
    </>
  );
}

function Connection({ view }: { view: SyncView }) {
  const { t } = useI18n();
  const { sync } = useServices();
  if (!view.enrolment) {
    return (
      <>
        <p>{t('sync.notEnrolled')}</p>
        <p>
          <a class="button" href="/enrol">
            {t('sync.enrolLink')}
          </a>
        </p>
      </>
    );
  }
  const { person, organisation, device } = view.enrolment;
  return (
    <>
      <p>
        {t('sync.enrolled', {
          person: person.name,
          organisation: organisation.name,
          device: device.name,
        })}
      </p>
      {view.entries.size > 0 && (
        <button
          type="button"
          class="button"
          disabled={view.state.running}
          onClick={() => void sync.trigger('manual')}
        >
          {t('sync.sendNow')}
        </button>
      )}
    </>
  );
}

function LastOutcome({ outcome }: { outcome: DrainOutcome | null }) {
  const { t, locale } = useI18n();
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'postponed':
      return (
        <p class="banner">
          {t('sync.last.postponed', { reason: failureText(t, locale, outcome.error) })}
        </p>
      );
    case 'signed-out':
      return (
        <p class="banner banner-warning" role="alert">
          {t('sync.last.signedOut', { reason: failureText(t, locale, outcome.error) })}
        </p>
      );
    case 'update-needed':
      return (
        <p class="banner banner-warning" role="alert">
          {t('sync.last.updateNeeded', { reason: failureText(t, locale, outcome.error) })}
        </p>
      );
    default:
      return null;
  }
}

function Queue({ view, assessments }: { view: SyncView; assessments: readonly Assessment[] }) {
  const { t, locale } = useI18n();
  const queued = assessments.filter((a) => view.entries.has(a.id));
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('sync.queue.title')}</h2>
      {queued.length === 0 ? (
        <p>{t('sync.none')}</p>
      ) : (
        <DataTable
          columns={[t('sync.table.resident'), t('sync.table.finished'), t('sync.table.status')]}
        >
          {queued.map((a) => (
            <tr key={a.id} data-record={a.id}>
              <td>{a.residentRef ?? t('home.anonymous')}</td>
              <td>{a.finishedAt === null ? '' : formatDateTime(a.finishedAt, locale)}</td>
              <td>
                <RecordStatus assessment={a} view={view} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Whether the browser agreed to keep this app's records when space runs low. */
function Storage() {
  const { t } = useI18n();
  const m = useScreenMessages(storageMessages);
  const persisted = useAsync(persistStorage, []);
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">{m('sync.title')}</h2>
      <p>
        {persisted.status !== 'done'
          ? t('app.loading')
          : persisted.value === true
            ? m('sync.granted')
            : persisted.value === false
              ? m('sync.refused')
              : m('sync.unknown')}
      </p>
    </section>
  );
}

function SignOut({ view, assessments }: { view: SyncView; assessments: readonly Assessment[] }) {
  const { t } = useI18n();
  const { signOut, sync } = useServices();
  const { route } = useLocation();
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  // In the outbox, or not finished yet: either way not on the server.
  const atRisk = assessments.filter((a) => view.entries.has(a.id) || a.status === 'in-progress');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (atRisk.length > 0 && !confirmed) {
      setErrors([{ field: 'confirm-delete', message: t('signout.confirmError') }]);
      return;
    }
    setBusy(true);
    await signOut();
    await sync.trigger('manual');
    route('/');
  };
  return (
    <section aria-labelledby="signout-title">
      <h2 id="signout-title">{t('signout.title')}</h2>
      <ErrorSummary errors={errors} />
      <p>{t('signout.body')}</p>
      <form onSubmit={submit} noValidate>
        {atRisk.length === 0 ? (
          <p>{t('signout.safe')}</p>
        ) : (
          <>
            <p class="warning-text">
              <strong>{t('signout.atRisk', { count: atRisk.length })}</strong>
            </p>
            <p>{t('signout.choices')}</p>
            <p>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => downloadJson('doorstep-unsent-assessments.json', atRisk)}
              >
                {t('signout.export')}
              </button>
            </p>
            <div class={errors.length > 0 ? 'form-group form-group-error' : 'form-group'}>
              {errors.length > 0 && (
                <p class="error-message" id="confirm-delete-error">
                  {errors[0]?.message}
                </p>
              )}
              <div class="checkbox">
                <input
                  type="checkbox"
                  id="confirm-delete"
                  checked={confirmed}
                  aria-describedby={errors.length > 0 ? 'confirm-delete-error' : undefined}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />
                <label for="confirm-delete">{t('signout.confirm', { count: atRisk.length })}</label>
              </div>
            </div>
          </>
        )}
        <button type="submit" class="button button-warning" disabled={busy}>
          {atRisk.length === 0 ? t('signout.button') : t('signout.buttonDelete')}
        </button>
      </form>
    </section>
  );
}
