/**
 * What a shared device shows before a worker's data is open: setting the device up with a
 * coordinator's code, unlocking with a PIN, and signing in online. Nobody's records are
 * reachable from here. The address stays as it was, so unlocking goes back to where the worker
 * was (an interview resumes at its step).
 */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { Session, SessionState } from '../session/session.ts';
import { EarlierPinNeeded, MIN_PIN_LENGTH } from '../session/session.ts';
import type { Worker } from '../storage/device-store.ts';
import { ErrorSummary, type FieldError } from './components/ErrorSummary.tsx';
import { PageTitle } from './components/PageTitle.tsx';
import { TextField } from './components/TextField.tsx';
import { failureText } from './errors.ts';
import { useI18n, type Translate } from './i18n/i18n.ts';

type Locked = Extract<SessionState<unknown>, { kind: 'locked' | 'unenrolled' }>;
type Form = 'unlock' | 'sign-in' | 'code';

export function Gate({
  session,
  state,
}: {
  session: Session<unknown>;
  state: Locked;
  /** Shown at any address but the accessibility statement's (preact-iso's router). */
  default?: boolean;
}) {
  const { query } = useLocation();
  const workers = state.kind === 'locked' ? state.workers : [];
  // A scanned QR code opens the app with ?code=…: straight to the code form, filled in.
  const [form, setForm] = useState<Form>(
    query['code'] ? 'code' : workers.length > 0 ? 'unlock' : 'sign-in',
  );
  if (state.kind === 'unenrolled') return <CodeForm session={session} enrolling />;
  const others = (
    <OtherWays
      current={form}
      choose={setForm}
      canUnlock={workers.some((w) => w.vault.byPin !== null)}
    />
  );
  return (
    <>
      {form === 'unlock' && <UnlockForm session={session} workers={workers} />}
      {form === 'sign-in' && <SignInForm session={session} />}
      {form === 'code' && (
        <CodeForm session={session} enrolling={false} deviceName={state.enrolment.device.name} />
      )}
      {others}
    </>
  );
}

function OtherWays(props: { current: Form; choose: (form: Form) => void; canUnlock: boolean }) {
  const { t } = useI18n();
  const ways: { form: Form; label: string }[] = [
    ...(props.canUnlock ? [{ form: 'unlock' as const, label: t('gate.other.unlock') }] : []),
    { form: 'sign-in', label: t('gate.other.signIn') },
    { form: 'code', label: t('gate.other.code') },
  ];
  return (
    <section aria-labelledby="gate-other" class="gate-other">
      <h2 id="gate-other">{t('gate.other.title')}</h2>
      <ul>
        {ways
          .filter((way) => way.form !== props.current)
          .map((way) => (
            <li key={way.form}>
              <button type="button" class="button-link" onClick={() => props.choose(way.form)}>
                {way.label}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

/** A form's fields, their errors and the server's refusal, checked and sent the same way. */
function useForm<F extends string>(initial: Record<F, string>) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    values,
    busy,
    errors,
    failure,
    errorFor: (field: F) => errors.find((e) => e.field === field)?.message,
    set: (field: F) => (value: string) => setValues((v) => ({ ...v, [field]: value })),
    /** `send` answers with words to show when it was refused without an error (a wrong PIN). */
    async submit(
      event: Event,
      check: (found: FieldError[]) => void,
      send: () => Promise<string | undefined>,
    ) {
      event.preventDefault();
      const found: FieldError[] = [];
      check(found);
      setErrors(found);
      setFailure(null);
      if (found.length > 0) return;
      setBusy(true);
      try {
        const refused = await send();
        if (typeof refused === 'string') {
          setFailure(refused);
          setBusy(false);
        }
      } catch (error) {
        setFailure(
          error instanceof EarlierPinNeeded ? t('gate.earlierPin') : failureText(t, locale, error),
        );
        setBusy(false);
      }
    },
  };
}

function required(found: FieldError[], field: string, value: string, message: string) {
  if (value.trim() === '') found.push({ field, message });
}

function checkPin(t: Translate, found: FieldError[], pin: string, field = 'pin') {
  if (pin.length < MIN_PIN_LENGTH) {
    found.push({ field, message: t('gate.pin.tooShort', { count: MIN_PIN_LENGTH }) });
  }
}

function Failure({ text }: { text: string | null }) {
  return (
    text && (
      <p class="error-message" role="alert">
        {text}
      </p>
    )
  );
}

function Secret(props: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  onInput: (value: string) => void;
  autocomplete: string;
}) {
  return <TextField {...props} type="password" />;
}

/** The account and the PIN, asked the same way when signing in and when using a code. */
function AccountFields({ form }: { form: ReturnType<typeof useForm<AccountField>> }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id="username"
        label={t('gate.username.label')}
        hint={t('gate.username.hint')}
        error={form.errorFor('username')}
        value={form.values.username}
        onInput={form.set('username')}
        autocomplete="username"
      />
      <Secret
        id="passphrase"
        label={t('gate.passphrase.label')}
        hint={t('gate.passphrase.hint')}
        error={form.errorFor('passphrase')}
        value={form.values.passphrase}
        onInput={form.set('passphrase')}
        autocomplete="current-password"
      />
      <Secret
        id="pin"
        label={t('gate.newPin.label')}
        hint={t('gate.newPin.hint', { count: MIN_PIN_LENGTH })}
        error={form.errorFor('pin')}
        value={form.values.pin}
        onInput={form.set('pin')}
        autocomplete="new-password"
      />
    </>
  );
}

type AccountField = 'username' | 'passphrase' | 'pin';

function checkAccount(t: Translate, values: Record<AccountField, string>, found: FieldError[]) {
  required(found, 'username', values.username, t('gate.username.error'));
  required(found, 'passphrase', values.passphrase, t('gate.passphrase.error'));
  checkPin(t, found, values.pin);
}

function SignInForm({ session }: { session: Session<unknown> }) {
  const { t } = useI18n();
  const form = useForm<AccountField>({ username: '', passphrase: '', pin: '' });
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Failure text={form.failure} />
      <PageTitle focusKey="gate-sign-in">{t('gate.signIn.title')}</PageTitle>
      <p>{t('gate.signIn.intro')}</p>
      <form
        noValidate
        onSubmit={(event) =>
          form.submit(
            event,
            (found) => checkAccount(t, form.values, found),
            async () => void (await session.signIn(form.values)),
          )
        }
      >
        <AccountFields form={form} />
        <button type="submit" class="button" disabled={form.busy}>
          {t('gate.signIn.submit')}
        </button>
      </form>
    </>
  );
}

/** A coordinator's one-time code: sets up the worker's account, and the device if it is new. */
function CodeForm({
  session,
  enrolling,
  deviceName = '',
}: {
  session: Session<unknown>;
  enrolling: boolean;
  /** An enrolled device's own name: the server asks for one with every code. */
  deviceName?: string;
}) {
  const { t } = useI18n();
  const { query } = useLocation();
  const form = useForm<AccountField | 'code' | 'deviceName'>({
    code: query['code'] ?? '',
    deviceName,
    username: '',
    passphrase: '',
    pin: '',
  });
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Failure text={form.failure} />
      <PageTitle focusKey="gate-code">
        {enrolling ? t('enrol.title') : t('gate.code.title')}
      </PageTitle>
      <p>{enrolling ? t('enrol.intro') : t('gate.code.intro')}</p>
      <form
        noValidate
        onSubmit={(event) =>
          form.submit(
            event,
            (found) => {
              required(found, 'code', form.values.code, t('enrol.code.error'));
              if (enrolling) {
                required(found, 'deviceName', form.values.deviceName, t('enrol.name.error'));
              }
              checkAccount(t, form.values, found);
            },
            async () =>
              void (await session.enrol({
                ...form.values,
                code: form.values.code.trim(),
                deviceName: form.values.deviceName.trim(),
              })),
          )
        }
      >
        <TextField
          id="code"
          label={t('enrol.code.label')}
          hint={t('enrol.code.hint')}
          error={form.errorFor('code')}
          value={form.values.code}
          onInput={form.set('code')}
          autocomplete="one-time-code"
        />
        {enrolling && (
          <TextField
            id="deviceName"
            label={t('enrol.name.label')}
            hint={t('enrol.name.hint')}
            error={form.errorFor('deviceName')}
            value={form.values.deviceName}
            onInput={form.set('deviceName')}
          />
        )}
        <AccountFields form={form} />
        <button type="submit" class="button" disabled={form.busy}>
          {enrolling ? t('enrol.submit') : t('gate.code.submit')}
        </button>
      </form>
    </>
  );
}

function UnlockForm({
  session,
  workers,
}: {
  session: Session<unknown>;
  workers: readonly Worker[];
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(workers[0]?.personId ?? '');
  const form = useForm<'pin'>({ pin: '' });
  const worker = workers.find((w) => w.personId === chosen);
  const lockedOut = worker !== undefined && worker.vault.byPin === null;
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Failure text={form.failure} />
      <PageTitle focusKey="gate-unlock">{t('gate.unlock.title')}</PageTitle>
      <p>{t('gate.unlock.intro')}</p>
      <form
        noValidate
        onSubmit={(event) =>
          form.submit(
            event,
            (found) => required(found, 'pin', form.values.pin, t('gate.pin.error')),
            async () => {
              const result = await session.unlock(chosen, form.values.pin);
              if (result.kind === 'unlocked') return undefined;
              form.set('pin')('');
              return result.kind === 'wrong-pin'
                ? t('gate.unlock.wrong', { count: result.remaining })
                : t('gate.unlock.lockedOut');
            },
          )
        }
      >
        {workers.length > 1 ? (
          <fieldset class="fieldset">
            <legend class="label">{t('gate.unlock.who')}</legend>
            <div class="radios">
              {workers.map((w) => (
                <div class="radio" key={w.personId}>
                  <input
                    type="radio"
                    id={`worker-${w.personId}`}
                    name="worker"
                    value={w.personId}
                    checked={chosen === w.personId}
                    onChange={() => setChosen(w.personId)}
                  />
                  <label for={`worker-${w.personId}`}>{w.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : (
          worker && <p>{t('gate.unlock.as', { name: worker.name })}</p>
        )}
        {lockedOut ? (
          <p class="warning-text">{t('gate.unlock.lockedOut')}</p>
        ) : (
          <>
            <TextField
              id="pin"
              label={t('gate.pin.label')}
              error={form.errorFor('pin')}
              value={form.values.pin}
              onInput={form.set('pin')}
              autocomplete="current-password"
              type="password"
            />
            <button type="submit" class="button" disabled={form.busy}>
              {t('gate.unlock.submit')}
            </button>
          </>
        )}
      </form>
    </>
  );
}
