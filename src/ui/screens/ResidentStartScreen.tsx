/**
 * The worker starts resident mode: the details a worker gives (as on the new-assessment form,
 * with its words), never a name or contact details. The resident agrees to take part themselves,
 * on the device, before the first question.
 */
import { useLocation } from 'preact-iso';
import { useContext, useState } from 'preact/hooks';
import {
  RESIDENT_REF_PATTERN,
  isIsoDate,
  VENUES,
  newAssessment,
  type AssessmentSet,
  type Venue,
} from '../../domain/index.ts';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Radios } from '../components/Radios.tsx';
import { TextField } from '../components/TextField.tsx';
import { failureText } from '../errors.ts';
import { localIsoDate } from '../format.ts';
import { UI_LOCALES, useI18n, useScreenMessages, type UiLocale } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { newMessages } from './new.messages.ts';
import { ResidentModeStarted } from './ResidentMode.tsx';
import { residentMessages } from './resident.messages.ts';

export default function ResidentStartScreen() {
  const { t, locale, setLocale } = useI18n();
  const n = useScreenMessages(newMessages);
  const m = useScreenMessages(residentMessages);
  const { store, now, newId } = useServices();
  const { route } = useLocation();
  // Resident mode is on: the app shows only the resident's flow once this resolves.
  const onStarted = useContext(ResidentModeStarted);
  const today = localIsoDate(now());
  const [ref, setRef] = useState('');
  const [venue, setVenue] = useState<Venue | undefined>(undefined);
  const [venueName, setVenueName] = useState('');
  const [programme, setProgramme] = useState('');
  const [date, setDate] = useState(today);
  const [set, setSet] = useState<AssessmentSet>('full');
  const [language, setLanguage] = useState<UiLocale>(locale);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    const reference = ref.trim();
    const found: FieldError[] = [];
    if (reference !== '' && !RESIDENT_REF_PATTERN.test(reference)) {
      found.push({ field: 'residentRef', message: n('new.ref.error') });
    }
    if (!venue) found.push({ field: 'venue', message: n('new.venue.error') });
    if (!isIsoDate(date) || date > today) {
      found.push({ field: 'date', message: n('new.date.error') });
    }
    setErrors(found);
    if (found.length > 0 || !venue) return;
    setBusy(true);
    setSaveError(null);
    try {
      // No privacy record yet: the resident gives their agreement on the first screen they see.
      const assessment = newAssessment(
        {
          residentRef: reference === '' ? null : reference,
          venue,
          date,
          set,
          language,
          programme: programme.trim() || undefined,
          venueName: venueName.trim() || undefined,
        },
        { id: newId(), now: now() },
      );
      await store.residentMode().start(assessment);
      // The resident is met in the language they chose; the switch stays theirs to use.
      if (language !== locale) await setLocale(language).catch(() => {});
      // The resident's flow is shown before the address changes, so the worker's home never is;
      // once resident mode ends, the worker starts from there.
      await onStarted?.();
      route('/', true);
    } catch (error) {
      setSaveError(m('start.saveError', { reason: failureText(t, locale, error) }));
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {saveError && (
        <p class="error-message" role="alert">
          {saveError}
        </p>
      )}
      <PageTitle focusKey="resident-start">{m('start.title')}</PageTitle>
      <p>{m('start.intro')}</p>
      <p class="hint">{m('start.noContact')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="residentRef"
          label={n('new.ref.label')}
          hint={n('new.ref.hint')}
          error={errorFor('residentRef')}
          value={ref}
          onInput={setRef}
          maxLength={40}
          autocomplete="off"
        />
        <Radios
          name="venue"
          legend={n('new.venue.legend')}
          error={errorFor('venue')}
          options={VENUES.map((v) => ({ value: v, label: n(`new.venue.${v}`) }))}
          value={venue}
          onChange={(v) => setVenue(v as Venue)}
        />
        <TextField
          id="venueName"
          label={n('new.venueName.label')}
          hint={n('new.venueName.hint')}
          value={venueName}
          onInput={setVenueName}
          maxLength={80}
        />
        <TextField
          id="programme"
          label={n('new.programme.label')}
          hint={n('new.programme.hint')}
          value={programme}
          onInput={setProgramme}
          maxLength={80}
        />
        <div class={errorFor('date') ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="date">
            {n('new.date.label')}
          </label>
          {errorFor('date') && (
            <p class="error-message" id="date-error">
              {errorFor('date')}
            </p>
          )}
          <input
            class="input input-date"
            id="date"
            name="date"
            type="date"
            max={today}
            value={date}
            aria-describedby={errorFor('date') ? 'date-error' : undefined}
            aria-invalid={errorFor('date') ? true : undefined}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </div>
        <Radios
          name="set"
          legend={n('new.set.legend')}
          options={[
            { value: 'full', label: n('new.set.full'), hint: n('new.set.full.hint') },
            { value: 'short', label: n('new.set.short'), hint: n('new.set.short.hint') },
          ]}
          value={set}
          onChange={(v) => setSet(v as AssessmentSet)}
        />
        <Radios
          name="language"
          legend={n('new.language.legend')}
          hint={n('new.language.hint')}
          options={UI_LOCALES.map((l) => ({ value: l, label: n(`new.language.${l}`) }))}
          value={language}
          onChange={(v) => setLanguage(v as UiLocale)}
        />
        <div class="button-group">
          <button type="submit" class="button" disabled={busy}>
            {m('start.submit')}
          </button>
          <a class="link-button" href="/">
            {n('new.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
