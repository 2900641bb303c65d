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
  type Assessment,
  type AssessmentSet,
  type HealthQuestionMode,
  type Venue,
} from '../../domain/index.ts';
import { residentHistoryResponseSchema } from '../../shared/council-api.ts';
import { ApiError } from '../../sync/client.ts';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Radios } from '../components/Radios.tsx';
import { TextField } from '../components/TextField.tsx';
import { failureText } from '../errors.ts';
import { formatIsoDate, localIsoDate } from '../format.ts';
import { UI_LOCALES, useI18n, useScreenMessages, type UiLocale } from '../i18n/i18n.ts';
import { useServices, type Services } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { latestVisit } from '../visits.ts';
import { newMessages } from './new.messages.ts';

/** What is known of the resident's visits on the server, for the reference asked about. */
type Lookup =
  | { readonly state: 'loading'; readonly ref: string }
  | { readonly state: 'found'; readonly ref: string; readonly visits: readonly Assessment[] }
  | { readonly state: 'offline'; readonly ref: string }
  | { readonly state: 'failed'; readonly ref: string; readonly error: unknown };

const distinct = (values: readonly (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => v !== undefined))].sort((a, b) =>
    a.localeCompare(b),
  );

/** What the privacy notice says depends on: the organisation and its kept settings. */
interface PrivacyContext {
  /** The organisation's name when the device is enrolled. */
  readonly organisation: string | null;
  readonly healthQuestion: HealthQuestionMode;
  /** Null before the device has a copy of the organisation's settings: the notice says it generally. */
  readonly retentionDays: number | null;
}

/** When the device's copies cannot be read: the notice still says everything, generally. */
const GENERAL_NOTICE: PrivacyContext = {
  organisation: null,
  healthQuestion: 'optional',
  retentionDays: null,
};

async function privacyContext(services: Services): Promise<PrivacyContext> {
  const [enrolment, organisation] = await Promise.all([
    services.settings.enrolment(),
    services.organisation().then((store) => store.settings()),
  ]);
  return {
    organisation: enrolment?.organisation.name ?? null,
    // Without a copy of the settings the health question is optional, with "prefer not to say".
    healthQuestion: organisation?.healthQuestion ?? 'optional',
    retentionDays: organisation?.retentionDays ?? null,
  };
}

/** Who, where, when and which set: the details asked before the first question. */
export default function NewAssessmentScreen() {
  const { t, locale } = useI18n();
  const m = useScreenMessages(newMessages);
  const services = useServices();
  const { store, residents, settings, now, newId } = services;
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
  // The resident heard the privacy notice and agrees to take part: nothing starts without it.
  const [agreed, setAgreed] = useState(false);
  const privacy = useAsync(() => privacyContext(services), [services]);
  const [programme, setProgramme] = useState('');
  const [venueName, setVenueName] = useState('');
  // The device's own assessments: tags used before are suggested, and a revisit carries over
  // the latest visit's programme and venue name.
  const own = useAsync(
    async () => (await store.list()).flatMap((s) => (s.ok ? [s.assessment] : [])),
    [store],
  );
  const enrolled = useAsync(async () => (await settings.enrolment()) !== null, [settings]);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  // Fill a tag only while it is empty: never overwrite what the worker typed.
  const carryOver = (latest: Assessment | undefined) => {
    if (!latest) return;
    setProgramme((p) => (p === '' ? (latest.programme ?? '') : p));
    setVenueName((v) => (v === '' ? (latest.venueName ?? '') : v));
  };
  const lookUp = async (reference: string, ownVisits: readonly Assessment[]) => {
    // Offline, say so at once rather than wait for a request that cannot succeed.
    if (!navigator.onLine) {
      setLookup({ state: 'offline', ref: reference });
      return;
    }
    setLookup({ state: 'loading', ref: reference });
    try {
      const visits = await fetchHistory(services, reference);
      carryOver(latestVisit(reference, ownVisits, visits));
      setLookup({ state: 'found', ref: reference, visits });
    } catch (error) {
      setLookup(
        error instanceof ApiError && error.code === 'network'
          ? { state: 'offline', ref: reference }
          : { state: 'failed', ref: reference, error },
      );
    }
  };
  // A revisit: the latest visit's tags, and its earlier visits fetched when enrolled.
  useEffect(() => {
    const known = query['ref'];
    if (!known || own.status !== 'done' || enrolled.status !== 'done') return;
    carryOver(latestVisit(known, own.value));
    if (enrolled.value) void lookUp(known, own.value);
  }, [own.status, enrolled.status]);
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
    // In the order of the page: the agreement comes first.
    if (!agreed) found.push({ field: 'agree', message: m('new.agree.error') });
    if (reference !== '' && !RESIDENT_REF_PATTERN.test(reference)) {
      found.push({ field: 'residentRef', message: m('new.ref.error') });
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
    if (!venue) found.push({ field: 'venue', message: m('new.venue.error') });
    if (!isRealPastDate(date, today)) found.push({ field: 'date', message: m('new.date.error') });
    setErrors(found);
    if (found.length > 0 || !venue) return;
    // Read again rather than from the screen's state: the mode must be the one kept now.
    let context: PrivacyContext;
    try {
      context = await privacyContext(services);
    } catch (error) {
      setSaveError(m('new.saveError', { reason: failureText(t, locale, error) }));
      return;
    }
    const assessment: Assessment = {
      ...newAssessment(
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
      ),
      // Nothing is answered yet, so neither is a separate consent.
      privacy: { agreedAt: now(), healthQuestion: context.healthQuestion, healthConsent: null },
    };
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
      setSaveError(m('new.saveError', { reason: failureText(t, locale, error) }));
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
      <PageTitle focusKey="new">{m('new.title')}</PageTitle>
      <form onSubmit={submit} noValidate>
        {privacy.status !== 'loading' && (
          <PrivacyNotice context={privacy.status === 'done' ? privacy.value : GENERAL_NOTICE} />
        )}
        <div class={errorFor('agree') ? 'form-group form-group-error' : 'form-group'}>
          {errorFor('agree') && (
            <p class="error-message" id="agree-error">
              {errorFor('agree')}
            </p>
          )}
          <div class="checkbox">
            <input
              type="checkbox"
              id="agree"
              checked={agreed}
              aria-describedby={errorFor('agree') ? 'agree-error' : undefined}
              aria-invalid={errorFor('agree') ? true : undefined}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
            />
            <label for="agree">{m('new.agree.label')}</label>
          </div>
        </div>
        <div class={errorFor('residentRef') ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="residentRef">
            {m('new.ref.label')}
          </label>
          <p class="hint" id="residentRef-hint">
            {m('new.ref.hint')}
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
          {enrolled.status === 'done' && enrolled.value && (
            <p>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => {
                  const reference = ref.trim();
                  if (!RESIDENT_REF_PATTERN.test(reference)) {
                    setErrors([{ field: 'residentRef', message: m('new.history.needsRef') }]);
                    return;
                  }
                  setErrors([]);
                  void lookUp(reference, own.status === 'done' ? own.value : []);
                }}
              >
                {m('new.history.lookUp')}
              </button>
            </p>
          )}
          {/* Announced as it changes; only about the reference now in the field. */}
          <div role="status">
            {lookup && lookup.ref === ref.trim() && <LookupResult lookup={lookup} />}
          </div>
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
          legend={m('new.venue.legend')}
          error={errorFor('venue')}
          options={VENUES.map((v) => ({ value: v, label: m(`new.venue.${v}`) }))}
          value={venue}
          onChange={(v) => setVenue(v as Venue)}
        />
        <TextField
          id="venueName"
          label={m('new.venueName.label')}
          hint={m('new.venueName.hint')}
          value={venueName}
          onInput={setVenueName}
          maxLength={80}
          list="venueName-used"
        />
        <datalist id="venueName-used">
          {own.status === 'done' &&
            distinct(own.value.map((a) => a.venueName)).map((v) => <option key={v} value={v} />)}
        </datalist>
        <TextField
          id="programme"
          label={m('new.programme.label')}
          hint={m('new.programme.hint')}
          value={programme}
          onInput={setProgramme}
          maxLength={80}
          list="programme-used"
        />
        <datalist id="programme-used">
          {own.status === 'done' &&
            distinct(own.value.map((a) => a.programme)).map((p) => <option key={p} value={p} />)}
        </datalist>
        <div class={errorFor('date') ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="date">
            {m('new.date.label')}
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
          legend={m('new.set.legend')}
          options={[
            { value: 'full', label: m('new.set.full'), hint: m('new.set.full.hint') },
            { value: 'short', label: m('new.set.short'), hint: m('new.set.short.hint') },
          ]}
          value={set}
          onChange={(v) => setSet(v as AssessmentSet)}
        />
        <Radios
          name="language"
          legend={m('new.language.legend')}
          hint={m('new.language.hint')}
          options={UI_LOCALES.map((l) => ({ value: l, label: m(`new.language.${l}`) }))}
          value={language}
          onChange={(v) => setLanguage(v as UiLocale)}
        />
        <div class="button-group">
          <button type="submit" class="button">
            {m('new.submit')}
          </button>
          <a class="link-button" href="/">
            {m('new.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}

/** Only this resident's visits, asked for by reference; kept apart from this device's own. */
async function fetchHistory(services: Services, ref: string): Promise<Assessment[]> {
  const enrolment = await services.settings.enrolment();
  if (!enrolment) return [];
  const { assessments } = await services.client.get(
    enrolment.token,
    `/api/residents/${encodeURIComponent(ref)}/assessments`,
    residentHistoryResponseSchema,
  );
  const history = await services.history();
  await history.keep(ref, assessments, services.now());
  return history.forResident(ref);
}

/** Said to the resident before anything is asked, in the language of the app. */
function PrivacyNotice({ context }: { context: PrivacyContext }) {
  const m = useScreenMessages(newMessages);
  return (
    <section class="panel" aria-labelledby="privacy-notice-title">
      <h2 id="privacy-notice-title">{m('new.notice.title')}</h2>
      <p class="hint">{m('new.notice.intro')}</p>
      <ul>
        <li>
          {context.organisation === null
            ? m('new.notice.who.general')
            : m('new.notice.who', { organisation: context.organisation })}
        </li>
        <li>{m('new.notice.what')}</li>
        <li>{m('new.notice.skip')}</li>
        <li>
          {context.retentionDays === null
            ? m('new.notice.kept.general')
            : m('new.notice.kept', { days: context.retentionDays })}
        </li>
        <li>{m('new.notice.rights')}</li>
      </ul>
    </section>
  );
}

function LookupResult({ lookup }: { lookup: Lookup }) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(newMessages);
  const who = lookup.ref;
  switch (lookup.state) {
    case 'loading':
      return <p>{m('new.history.loading', { who })}</p>;
    case 'offline':
      return (
        <div class="panel panel-warning">
          <p>{m('new.history.offline', { who })}</p>
        </div>
      );
    case 'failed':
      return (
        <div class="panel panel-warning">
          <p>{m('new.history.failed', { who, reason: failureText(t, locale, lookup.error) })}</p>
        </div>
      );
    case 'found': {
      const latest = lookup.visits[lookup.visits.length - 1];
      if (!latest) return <p>{m('new.history.none', { who })}</p>;
      return (
        <div class="panel panel-highlight">
          <p>
            {m('new.history.found', {
              count: lookup.visits.length,
              who,
              date: formatIsoDate(latest.date, locale),
            })}
          </p>
          {(latest.programme ?? latest.venueName) && <p>{m('new.history.prefilled')}</p>}
        </div>
      );
    }
  }
}

function isRealPastDate(iso: string, today: string): boolean {
  if (!ISO_DATE_PATTERN.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && iso <= today;
}
