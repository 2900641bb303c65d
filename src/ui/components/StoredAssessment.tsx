import type { ComponentChildren } from 'preact';
import type { Assessment } from '../../domain/index.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { PageTitle } from './PageTitle.tsx';

/**
 * Loads one assessment for a screen. An id that is not on this device, or a row that cannot be
 * read, gets a page that says so instead of an empty screen.
 */
export function StoredAssessment(props: {
  id: string;
  children: (assessment: Assessment) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { store } = useServices();
  const loaded = useAsync(() => store.get(props.id), [props.id]);
  if (loaded.status === 'loading') return <p>{t('app.loading')}</p>;
  if (loaded.status === 'error' || !loaded.value || !loaded.value.ok) {
    return (
      <>
        <PageTitle focusKey="missing">{t('interview.notFound')}</PageTitle>
        <a href="/">{t('app.home')}</a>
      </>
    );
  }
  return <>{props.children(loaded.value.assessment)}</>;
}
