import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { failureText } from '../errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';

/** Exchanges a coordinator's one-time enrolment code for this device's token. */
export default function EnrolScreen() {
  const { t, locale } = useI18n();
  const { client, settings, sync, now } = useServices();
  const { route, query } = useLocation();
  // A scanned QR code opens /enrol?code=…: the code is filled in, nothing to type.
  const [code, setCode] = useState(query['code'] ?? '');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (code.trim() === '') found.push({ field: 'code', message: t('enrol.code.error') });
    if (name.trim() === '') found.push({ field: 'deviceName', message: t('enrol.name.error') });
    setErrors(found);
    setFailure(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const enrolment = await client.enrol({ code: code.trim(), deviceName: name.trim() });
      await settings.saveEnrolment({ ...enrolment, enrolledAt: now() });
      await sync.trigger('manual');
      route('/sync');
    } catch (error) {
      setFailure(t('enrol.failed', { reason: failureText(t, locale, error) }));
      setBusy(false);
    }
  };

  const field = (
    id: 'code' | 'deviceName',
    label: string,
    hint: string,
    value: string,
    set: (v: string) => void,
    extra: Record<string, string | boolean>,
  ) => (
    <div class={errorFor(id) ? 'form-group form-group-error' : 'form-group'}>
      <label class="label" for={id}>
        {label}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {errorFor(id) && (
        <p class="error-message" id={`${id}-error`}>
          {errorFor(id)}
        </p>
      )}
      <input
        class="input"
        id={id}
        name={id}
        type="text"
        value={value}
        aria-describedby={errorFor(id) ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={errorFor(id) ? true : undefined}
        onInput={(e) => set(e.currentTarget.value)}
        {...extra}
      />
    </div>
  );

  return (
    <>
      <ErrorSummary errors={errors} />
      {failure && (
        <p class="error-message" role="alert">
          {failure}
        </p>
      )}
      <PageTitle focusKey="enrol">{t('enrol.title')}</PageTitle>
      <p>{t('enrol.intro')}</p>
      <form onSubmit={submit} noValidate>
        {field('code', t('enrol.code.label'), t('enrol.code.hint'), code, setCode, {
          autocomplete: 'one-time-code',
          autocapitalize: 'characters',
          spellcheck: false,
        })}
        {field('deviceName', t('enrol.name.label'), t('enrol.name.hint'), name, setName, {
          autocomplete: 'off',
        })}
        <button type="submit" class="button" disabled={busy}>
          {t('enrol.submit')}
        </button>
      </form>
    </>
  );
}
