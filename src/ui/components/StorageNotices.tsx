/**
 * What puts the records on this device at risk, on every screen, with what to do about it:
 * a newer version opened in another tab (reload), an older one holding the database open
 * (close it), and storage the browser may remove while finished assessments are still unsent
 * (send now). Loaded after the first screen is drawn.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from '../../storage/db.ts';
import { persistStorage } from '../../storage/persistence.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { useSyncView } from '../use-sync-view.ts';
import { storageMessages } from './storage.messages.ts';

export function StorageNotices({ connection }: { connection: ConnectionState }) {
  const [problem, setProblem] = useState(connection.problem);
  const [persisted, setPersisted] = useState<boolean | null>(true);
  // Asking here, after the first screen, keeps the question out of the first download.
  useEffect(() => void persistStorage().then(setPersisted), []);
  useEffect(() => {
    const heard = () => setProblem(connection.problem);
    heard();
    connection.onProblem = heard;
    return () => {
      connection.onProblem = null;
    };
  }, [connection]);
  return (
    <div class="banners">
      {problem === 'updated' && <Updated />}
      {problem === 'blocked' && <Blocked />}
      {problem === null && persisted === false && <AtRisk />}
    </div>
  );
}

function Updated() {
  const m = useScreenMessages(storageMessages);
  const { answers } = useServices();
  const [reloading, setReloading] = useState(false);
  return (
    <div class="banner banner-warning banner-update" role="alert">
      <p>{m('updated')}</p>
      <button
        type="button"
        class="button"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          // Answers still on their way to the database land (or fail) before the page goes.
          void answers.settled().then(() => location.reload());
        }}
      >
        {reloading ? m('reloading') : m('reload')}
      </button>
    </div>
  );
}

function Blocked() {
  const m = useScreenMessages(storageMessages);
  return (
    <p class="banner banner-warning" role="alert">
      {m('blocked')}
    </p>
  );
}

/** Storage the browser may remove, with finished assessments not yet on the server. */
function AtRisk() {
  const { t } = useI18n();
  const m = useScreenMessages(storageMessages);
  const { sync, session } = useServices();
  const view = useSyncView();
  const { path } = useLocation();
  const unsent = view?.entries.size ?? 0;
  // The sync screen says the same in its own words, next to its own "Send now".
  if (!view || unsent === 0 || path === '/sync') return null;
  return (
    <div class="banner banner-warning banner-update" role="status">
      <p>{m('atRisk', { count: unsent })}</p>
      {view.enrolment ? (
        <button
          type="button"
          class="button"
          disabled={view.state.running}
          onClick={() => void sync.trigger('manual')}
        >
          {t('sync.sendNow')}
        </button>
      ) : (
        session && (
          <button type="button" class="button" onClick={() => void session.lock()}>
            {t('gate.other.signIn')}
          </button>
        )
      )}
    </div>
  );
}
