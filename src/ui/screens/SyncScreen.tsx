import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { Assessment } from '../../domain/index.ts';
import type { ImportReport, StoredAssessment } from '../../storage/assessment-store.ts';
import {
  ExportFileError,
  MIN_EXPORT_PASSPHRASE,
  openExport,
  sealExport,
} from '../../storage/export-file.ts';
import { persistStorage } from '../../storage/persistence.ts';
import type { DrainOutcome } from '../../sync/drain.ts';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { storageMessages } from '../components/storage.messages.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { RecordStatus } from '../components/RecordStatus.tsx';
import { TextField } from '../components/TextField.tsx';
import { downloadFile } from '../download.ts';
import { formatDateTime, formatIsoDate, localIsoDate } from '../format.ts';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { useSyncView, type SyncView } from '../use-sync-view.ts';
import { syncMessages, type SyncKey } from './sync.messages.ts';

/** Where every record stands with the server, what to do about it, and signing out. */
export default function SyncScreen() {
  const { t } = useI18n();
  const { store } = useServices();
  const view = useSyncView();
  // Read again whenever sending may have changed something, keeping the last list meanwhile:
  // what signing out would lose must never flash to nothing.
  const [rows, setRows] = useState<readonly StoredAssessment[] | null>(null);
  useEffect(() => {
    let current = true;
    // A failed read keeps the last list; the home screen says what went wrong with storage.
    store.list().then(
      (listed) => current && setRows(listed),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [store, view?.state.version]);
  const assessments = (rows ?? []).flatMap((r) => (r.ok ? [r.assessment] : []));
  const damaged = (rows ?? []).filter((r) => !r.ok);
  // One summary for the screen's forms: the last one submitted.
  const [errors, setErrors] = useState<FieldError[]>([]);
  const organisationId = view?.enrolment?.organisation.id;
  return (
    <>
      <PageTitle focusKey="sync">{t('sync.title')}</PageTitle>
      <ErrorSummary errors={errors} />
      {view && <Connection view={view} />}
      {view && <LastOutcome outcome={view.state.last} />}
      {view && <Queue view={view} assessments={assessments} />}
      {organisationId !== undefined && (
        <ImportFile organisationId={organisationId} errors={errors} setErrors={setErrors} />
      )}
      <Storage />
      {view && rows && organisationId !== undefined && (
        <SignOut
          view={view}
          assessments={assessments}
          damaged={damaged}
          organisationId={organisationId}
          errors={errors}
          setErrors={setErrors}
        />
      )}
    </>
  );
}

function Connection({ view }: { view: SyncView }) {
  const { t } = useI18n();
  const { sync, session } = useServices();
  if (!view.enrolment) {
    // Signing in again happens on the gate, which locking shows.
    return (
      <>
        <p>{t('sync.notEnrolled')}</p>
        {session && (
          <p>
            <button type="button" class="button" onClick={() => void session.lock()}>
              {t('gate.other.signIn')}
            </button>
          </p>
        )}
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

interface FormErrors {
  readonly errors: readonly FieldError[];
  readonly setErrors: (errors: FieldError[]) => void;
}

const errorFor = (errors: readonly FieldError[], field: string) =>
  errors.find((e) => e.field === field)?.message;

/**
 * Signing out deletes this worker's data from the device. Whatever is not on the server is
 * listed first, with the three ways to keep it: wait, send now, or an encrypted file.
 */
function SignOut({
  view,
  assessments,
  damaged,
  organisationId,
  errors,
  setErrors,
}: {
  view: SyncView;
  assessments: readonly Assessment[];
  damaged: readonly StoredAssessment[];
  organisationId: string;
} & FormErrors) {
  const { t } = useI18n();
  const m = useScreenMessages(syncMessages);
  const { signOut, sync } = useServices();
  const { route } = useLocation();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  // In the outbox, or not finished yet: either way not on the server.
  const atRisk = assessments.filter((a) => view.entries.has(a.id) || a.status === 'in-progress');
  const lost = atRisk.length + damaged.length;
  const confirmError = errorFor(errors, 'confirm-delete');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (lost > 0 && !confirmed) {
      setErrors([{ field: 'confirm-delete', message: t('signout.confirmError') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    await signOut();
    // Where the screen is still shown (no gate in front of it), it shows an empty device.
    await sync.trigger('manual');
    route('/');
  };
  const sendNow = async () => {
    setSent(false);
    await sync.trigger('manual');
    setSent(true);
  };
  return (
    <section aria-labelledby="signout-title">
      <h2 id="signout-title">{t('signout.title')}</h2>
      <p>{t('signout.body')}</p>
      <p role="status">
        {sent && !view.state.running
          ? lost === 0
            ? m('send.allSent')
            : m('send.left', { count: lost })
          : ''}
      </p>
      {lost === 0 ? (
        <p>{t('signout.safe')}</p>
      ) : (
        <>
          <p class="warning-text">
            <strong>{t('signout.atRisk', { count: lost })}</strong>
          </p>
          <LostList view={view} assessments={atRisk} damaged={damaged} />
          <h3>{m('choices.title')}</h3>
          <p>{m('choices.wait')}</p>
          <p>{m('choices.send')}</p>
          <p>
            <button
              type="button"
              class="button button-secondary"
              disabled={view.state.running}
              onClick={() => void sendNow()}
            >
              {m('send.button')}
            </button>
          </p>
          <p>{m('choices.export')}</p>
          <ExportFile
            assessments={[...atRisk, ...damaged.flatMap((r) => (r.ok ? [] : [r.raw]))]}
            organisationId={organisationId}
            errors={errors}
            setErrors={setErrors}
          />
        </>
      )}
      <form onSubmit={submit} noValidate>
        {lost > 0 && (
          <div class={confirmError ? 'form-group form-group-error' : 'form-group'}>
            {confirmError && (
              <p class="error-message" id="confirm-delete-error">
                {confirmError}
              </p>
            )}
            <div class="checkbox">
              <input
                type="checkbox"
                id="confirm-delete"
                checked={confirmed}
                aria-describedby={confirmError ? 'confirm-delete-error' : undefined}
                onChange={(e) => setConfirmed(e.currentTarget.checked)}
              />
              <label for="confirm-delete">{t('signout.confirm', { count: lost })}</label>
            </div>
          </div>
        )}
        <button type="submit" class="button button-warning" disabled={busy}>
          {lost === 0 ? t('signout.button') : t('signout.buttonDelete')}
        </button>
      </form>
    </section>
  );
}

const LOST_STATUS: Record<'unfinished' | 'waiting' | 'rejected' | 'damaged', SyncKey> = {
  unfinished: 'lost.status.unfinished',
  waiting: 'lost.status.waiting',
  rejected: 'lost.status.rejected',
  damaged: 'lost.status.damaged',
};

/** Exactly what signing out now would delete: each record, its date and where it stands. */
function LostList({
  view,
  assessments,
  damaged,
}: {
  view: SyncView;
  assessments: readonly Assessment[];
  damaged: readonly StoredAssessment[];
}) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(syncMessages);
  const statusOf = (a: Assessment) =>
    a.status === 'in-progress'
      ? LOST_STATUS.unfinished
      : view.entries.get(a.id)?.state === 'rejected'
        ? LOST_STATUS.rejected
        : LOST_STATUS.waiting;
  return (
    <DataTable
      label={m('lost.caption')}
      columns={[t('sync.table.resident'), m('lost.date'), t('sync.table.status')]}
    >
      {assessments.map((a) => (
        <tr key={a.id} data-lost={a.id}>
          <td>{a.residentRef ?? t('home.anonymous')}</td>
          <td>{formatIsoDate(a.date, locale)}</td>
          <td>{m(statusOf(a))}</td>
        </tr>
      ))}
      {damaged.map((r) => (
        <tr key={r.ok ? r.assessment.id : r.id} data-lost={r.ok ? r.assessment.id : r.id}>
          <td>{r.ok ? r.assessment.id : r.id}</td>
          <td />
          <td>{m(LOST_STATUS.damaged)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The unsent records in a file only its passphrase opens: the one way to take them along. */
function ExportFile({
  assessments,
  organisationId,
  errors,
  setErrors,
}: { assessments: readonly unknown[]; organisationId: string } & FormErrors) {
  const m = useScreenMessages(syncMessages);
  const { now } = useServices();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ count: number; file: string } | null>(null);
  // The button that opened the form is gone: the form's first field takes the focus.
  useEffect(() => {
    if (open) document.getElementById('export-passphrase')?.focus();
  }, [open]);
  if (!open) {
    return (
      <p>
        <button type="button" class="button button-secondary" onClick={() => setOpen(true)}>
          {m('export.open')}
        </button>
      </p>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    if (passphrase.length < MIN_EXPORT_PASSPHRASE) {
      setErrors([{ field: 'export-passphrase', message: m('export.tooShort') }]);
      return;
    }
    if (repeat !== passphrase) {
      setErrors([{ field: 'export-repeat', message: m('export.mismatch') }]);
      return;
    }
    setErrors([]);
    setDone(null);
    setBusy(true);
    try {
      const text = await sealExport(
        { organisationId, exportedAt: now(), assessments: [...assessments] },
        passphrase,
      );
      const file = `doorstep-encrypted-${localIsoDate(now())}.json`;
      downloadFile(file, new Blob([text], { type: 'application/json' }));
      setDone({ count: assessments.length, file });
      setPassphrase('');
      setRepeat('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} noValidate aria-labelledby="export-title">
      <h3 id="export-title">{m('export.title')}</h3>
      <p>{m('export.intro')}</p>
      <TextField
        id="export-passphrase"
        type="password"
        label={m('export.passphrase')}
        hint={m('export.passphraseHint')}
        error={errorFor(errors, 'export-passphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="new-password"
      />
      <TextField
        id="export-repeat"
        type="password"
        label={m('export.repeat')}
        error={errorFor(errors, 'export-repeat')}
        value={repeat}
        onInput={setRepeat}
        autocomplete="new-password"
      />
      <button type="submit" class="button" disabled={busy}>
        {busy ? m('export.busy') : m('export.submit')}
      </button>
      <p role="status">{done ? m('export.done', done) : ''}</p>
    </form>
  );
}

/** Assessments from an exported file, added to this worker's device and sent like any other. */
function ImportFile({
  organisationId,
  errors,
  setErrors,
}: { organisationId: string } & FormErrors) {
  const m = useScreenMessages(syncMessages);
  const { t } = useI18n();
  const { store, sync } = useServices();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const fileError = errorFor(errors, 'import-file');
  const refOf = (a: Assessment) => a.residentRef ?? t('home.anonymous');
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const missing: FieldError[] = [];
    if (!file) missing.push({ field: 'import-file', message: m('import.noFile') });
    if (!passphrase)
      missing.push({ field: 'import-passphrase', message: m('import.noPassphrase') });
    setErrors(missing);
    if (!file || missing.length > 0) return;
    setReport(null);
    setBusy(true);
    try {
      const contents = await openExport(await file.text(), passphrase);
      if (contents.organisationId !== organisationId) {
        setErrors([{ field: 'import-file', message: m('import.otherOrganisation') }]);
        return;
      }
      setReport(await store.importAssessments(contents.assessments));
      setPassphrase('');
      setFile(null);
      form.reset();
      void sync.trigger('manual');
    } catch (error) {
      if (!(error instanceof ExportFileError)) throw error;
      setErrors([
        error.problem === 'wrong-passphrase'
          ? { field: 'import-passphrase', message: m('import.wrongPassphrase') }
          : {
              field: 'import-file',
              message: m(error.problem === 'newer-version' ? 'import.newer' : 'import.notExport'),
            },
      ]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{m('import.title')}</h2>
      <p id="import-file-hint">{m('import.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div class={fileError ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="import-file">
            {m('import.file')}
          </label>
          {fileError && (
            <p class="error-message" id="import-file-error">
              {fileError}
            </p>
          )}
          <input
            class="input"
            type="file"
            id="import-file"
            name="import-file"
            accept=".json,application/json"
            aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <TextField
          id="import-passphrase"
          type="password"
          label={m('import.passphrase')}
          error={errorFor(errors, 'import-passphrase')}
          value={passphrase}
          onInput={setPassphrase}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? m('import.busy') : m('import.submit')}
        </button>
      </form>
      <div role="status">
        {report && report.added.length > 0 && (
          <p>{m('import.added', { count: report.added.length })}</p>
        )}
        {report && report.skipped.length > 0 && (
          <p>
            {m('import.skipped', {
              count: report.skipped.length,
              list: report.skipped.map(refOf).join(', '),
            })}
          </p>
        )}
        {report && report.refused.length > 0 && (
          <p>
            {m('import.refused', {
              count: report.refused.length,
              list: report.refused.map((r) => r.id).join(', '),
            })}
          </p>
        )}
      </div>
    </section>
  );
}
