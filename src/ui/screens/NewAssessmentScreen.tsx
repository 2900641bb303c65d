import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import {
  AGE_BANDS,
  ISO_DATE_PATTERN,
  RESIDENT_REF_PATTERN,
  VENUES,
  newAssessment,
  postcodeDistrict,
  type AgeBand,
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

/** Who, where, when and which set: the details asked before the first question. */
export default function NewAssessmentScreen() {
  const { t, locale } = useI18n();
  const m = useScreenMessages(newMessages);
  const { store, residents, now, newId } = useServices();
  const { route, query } = useLocation();
  const today = localIsoDate(now());
  // A revisit comes with the resident's details (never their answers): /new?ref=…&language=….
  const [ref, setRef] = useState(query['ref'] ?? '');
  const [venue, setVenue] = useState<Venue | undefined>(undefined);
  const [date, setDate] = useState(today);
  const [set, setSet] = useState<AssessmentSet>('full');
  // Most people want their plan in the language the assessment is done in.
  const [language, setLanguage] = useState<UiLocale>(
    query['language'] === 'cy' || query['language'] === 'en' ? query['language'] : locale,
  );
  const [ageBand, setAgeBand] = useState<AgeBand | undefined>(undefined);
  const [district, setDistrict] = useState('');
  // Names and contact details only with consent to follow-up, and kept apart (ResidentStore).
  const [followUp, setFollowUp] = useState(false);
  const [contactName, setContactName] = useState('');
  const [contactDetail, setContactDetail] = useState('');
  // A revisit: what the device knows of the resident fills the form (their answers never do).
  useEffect(() => {
    const known = query['ref'];
    if (!known) return;
    void residents.get(known).then((resident) => {
      if (!resident) return;
      if (resident.ageBand) setAgeBand(resident.ageBand);
      if (resident.postcodeDistrict) setDistrict(resident.postcodeDistrict);
      setLanguage(resident.language);
    });
  }, [residents]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    const reference = ref.trim();
    const found: FieldError[] = [];
    if (reference !== '' && !RESIDENT_REF_PATTERN.test(reference)) {
      found.push({ field: 'residentRef', message: t('new.ref.error') });
    }
    const districtKept = district.trim() === '' ? null : postcodeDistrict(district);
    if (district.trim() !== '' && districtKept === null) {
      found.push({ field: 'postcodeDistrict', message: m('new.district.error') });
    }
    if (followUp) {
      if (reference === '')
        found.push({ field: 'residentRef', message: m('new.contact.needsRef') });
      if (contactName.trim() === '') {
        found.push({ field: 'contactName', message: m('new.contact.name.error') });
      }
      if (contactDetail.trim() === '') {
        found.push({ field: 'contactDetail', message: m('new.contact.detail.error') });
      }
    }
    if (!venue) found.push({ field: 'venue', message: t('new.venue.error') });
    if (!isRealPastDate(date, today)) found.push({ field: 'date', message: t('new.date.error') });
    setErrors(found);
    if (found.length > 0 || !venue) return;
    const assessment = newAssessment(
      { residentRef: reference === '' ? null : reference, venue, date, set, language },
      { id: newId(), now: now() },
    );
    try {
      if (reference !== '') {
        const known = await residents.get(reference);
        await residents.save({
          ref: reference,
          ageBand: ageBand ?? known?.ageBand ?? null,
          postcodeDistrict: districtKept ?? known?.postcodeDistrict ?? null,
          language,
          createdAt: known?.createdAt ?? now(),
          updatedAt: now(),
        });
        if (followUp) {
          await residents.setContact(reference, {
            name: contactName.trim(),
            contact: contactDetail.trim(),
            consentAt: now(),
          });
        }
      }
      await store.create(assessment);
      route(`/assessments/${assessment.id}/1`);
    } catch (error) {
      setSaveError(t('new.saveError', { reason: failureText(t, locale, error) }));
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
      <PageTitle focusKey="new">{t('new.title')}</PageTitle>
      <form onSubmit={submit} noValidate>
        <div class={errorFor('residentRef') ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="residentRef">
            {t('new.ref.label')}
          </label>
          <p class="hint" id="residentRef-hint">
            {t('new.ref.hint')}
          </p>
          {errorFor('residentRef') && (
            <p class="error-message" id="residentRef-error">
              {errorFor('residentRef')}
            </p>
          )}
          <input
            class="input"
            id="residentRef"
            name="residentRef"
            type="text"
            autocomplete="off"
            spellcheck={false}
            maxLength={40}
            value={ref}
            aria-describedby={
              errorFor('residentRef') ? 'residentRef-hint residentRef-error' : 'residentRef-hint'
            }
            aria-invalid={errorFor('residentRef') ? true : undefined}
            onInput={(e) => setRef(e.currentTarget.value)}
          />
        </div>
        <Radios
          name="ageBand"
          legend={m('new.age.legend')}
          hint={m('new.age.hint')}
          options={AGE_BANDS.map((band) => ({ value: band, label: m(`new.age.${band}`) }))}
          value={ageBand}
          onChange={(v) => setAgeBand(v as AgeBand)}
        />
        <TextField
          id="postcodeDistrict"
          label={m('new.district.label')}
          hint={m('new.district.hint')}
          error={errorFor('postcodeDistrict')}
          value={district}
          onInput={setDistrict}
          maxLength={8}
          short
        />
        <div class="form-group">
          <div class="checkbox">
            <input
              type="checkbox"
              id="followUp"
              checked={followUp}
              aria-describedby="followUp-hint"
              onChange={(e) => setFollowUp(e.currentTarget.checked)}
            />
            <label for="followUp">{m('new.followUp.label')}</label>
          </div>
          <p class="hint" id="followUp-hint">
            {m('new.followUp.hint')}
          </p>
        </div>
        {followUp && (
          <>
            <TextField
              id="contactName"
              label={m('new.contact.name')}
              error={errorFor('contactName')}
              value={contactName}
              onInput={setContactName}
              maxLength={200}
              autocomplete="name"
            />
            <TextField
              id="contactDetail"
              label={m('new.contact.detail')}
              hint={m('new.contact.detail.hint')}
              error={errorFor('contactDetail')}
              value={contactDetail}
              onInput={setContactDetail}
              maxLength={200}
            />
          </>
        )}
        <Radios
          name="venue"
          legend={t('new.venue.legend')}
          error={errorFor('venue')}
          options={VENUES.map((v) => ({ value: v, label: t(`new.venue.${v}`) }))}
          value={venue}
          onChange={(v) => setVenue(v as Venue)}
        />
        <div class={errorFor('date') ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="date">
            {t('new.date.label')}
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
          legend={t('new.set.legend')}
          options={[
            { value: 'full', label: t('new.set.full'), hint: t('new.set.full.hint') },
            { value: 'short', label: t('new.set.short'), hint: t('new.set.short.hint') },
          ]}
          value={set}
          onChange={(v) => setSet(v as AssessmentSet)}
        />
        <Radios
          name="language"
          legend={t('new.language.legend')}
          hint={t('new.language.hint')}
          options={UI_LOCALES.map((l) => ({ value: l, label: t(`new.language.${l}`) }))}
          value={language}
          onChange={(v) => setLanguage(v as UiLocale)}
        />
        <div class="button-group">
          <button type="submit" class="button">
            {t('new.submit')}
          </button>
          <a class="link-button" href="/">
            {t('new.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}

function isRealPastDate(iso: string, today: string): boolean {
  if (!ISO_DATE_PATTERN.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && iso <= today;
}
