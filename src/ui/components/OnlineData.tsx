import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Enrolment } from '../../storage/settings-store.ts';
import { failureText } from '../errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';

/**
 * Loads something from the server for an enrolled device. Coordinator screens are online-only:
 * this says so plainly when the device is not enrolled or the server cannot be reached. While it
 * loads again (deps changed), what it loaded last stays on screen, so the children keep their
 * state: the enrolment code just created must not vanish when the device list is refreshed.
 */
export function OnlineData<T>(props: {
  load: (enrolment: Enrolment) => Promise<T>;
  deps: readonly unknown[];
  children: (loaded: { enrolment: Enrolment; data: T }) => ComponentChildren;
}) {
  const { t, locale } = useI18n();
  const { settings } = useServices();
  const loaded = useAsync(async () => {
    const enrolment = await settings.enrolment();
    return enrolment ? { enrolment, data: await props.load(enrolment) } : null;
  }, props.deps);
  const last = useRef<{ enrolment: Enrolment; data: T } | null>(null);
  if (loaded.status === 'loading') {
    return last.current ? <>{props.children(last.current)}</> : <p>{t('app.loading')}</p>;
  }
  last.current = loaded.status === 'done' ? loaded.value : null;
  if (loaded.status === 'error') {
    return (
      <p class="error-message" role="alert">
        {t('online.needed', { reason: failureText(t, locale, loaded.error) })}
      </p>
    );
  }
  if (loaded.value === null) return <p>{t('online.notEnrolled')}</p>;
  return <>{props.children(loaded.value)}</>;
}
