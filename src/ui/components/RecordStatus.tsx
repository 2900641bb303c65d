import type { Assessment } from '../../domain/index.ts';
import { recordStatus } from '../../sync/status.ts';
import { downloadJson } from '../download.ts';
import { failureText } from '../errors.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import type { SyncView } from '../use-sync-view.ts';

/** Where one assessment stands on its way to the server, with what the worker can do about it. */
export function RecordStatus({ assessment, view }: { assessment: Assessment; view: SyncView }) {
  const { t, locale } = useI18n();
  const { outbox, sync } = useServices();
  const status = recordStatus(
    assessment,
    view.entries.get(assessment.id),
    view.receipts.get(assessment.id),
    view.sending,
  );
  const who = assessment.residentRef ?? t('home.anonymous');
  switch (status.kind) {
    case 'saved':
      return <span data-status="saved">{t('status.saved')}</span>;
    case 'sending':
      return <span data-status="sending">{t('status.sending')}</span>;
    case 'waiting':
      return (
        <span data-status="waiting">
          {status.lastError
            ? t('status.waitingAfterError', { reason: failureText(t, locale, status.lastError) })
            : t('status.waiting')}
        </span>
      );
    case 'received':
      return (
        <span data-status="received">
          {t('status.received', { time: formatDateTime(status.receivedAt, locale) })}
        </span>
      );
    case 'rejected':
      return (
        <span data-status="rejected" class="status-rejected">
          <span>{t('status.rejected', { reason: failureText(t, locale, status.error) })}</span>
          <span class="status-actions">
            <button
              type="button"
              class="button button-secondary button-small"
              aria-label={t('status.retryFor', { who })}
              onClick={async () => {
                await outbox.retry(assessment.id);
                await sync.trigger('manual');
              }}
            >
              {t('status.retry')}
            </button>
            <button
              type="button"
              class="button button-secondary button-small"
              aria-label={t('status.exportFor', { who })}
              onClick={() => downloadJson(`doorstep-assessment-${assessment.id}.json`, assessment)}
            >
              {t('status.export')}
            </button>
          </span>
        </span>
      );
  }
}
