import { useState } from 'preact/hooks';
import {
  BUILT_IN_OUTCOMES,
  HEALTH_QUESTION_MODES,
  SIGNPOSTS,
  serviceSchema,
  type HealthQuestionMode,
  type Service,
  type Signpost,
} from '../../domain/index.ts';
import {
  DEFAULT_LOCK_MINUTES,
  organisationSettingsSchema,
  type OrganisationSettings,
} from '../../shared/council-api.ts';
import { ApiError } from '../../sync/client.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { OnlineData } from '../components/OnlineData.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Radios } from '../components/Radios.tsx';
import { TextField } from '../components/TextField.tsx';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { organisationMessages, type OrganisationKey } from './organisation.messages.ts';

type Save = (next: OrganisationSettings, field: string) => Promise<FieldError[]>;

/**
 * For coordinators: the organisation's suppression threshold, how the health question is asked,
 * how long residents stay identifiable and how soon an unused shared device locks, its own
 * outcome kinds and its services directory. Each change is sent as the whole settings, and what
 * the server stored is what the screen shows next.
 */
export default function OrganisationScreen() {
  const { client } = useServices();
  const m = useScreenMessages(organisationMessages);
  return (
    <>
      <PageTitle focusKey="organisation">{m('title')}</PageTitle>
      <OnlineData
        load={(e) => client.get(e.token, '/api/settings', organisationSettingsSchema)}
        deps={[]}
      >
        {({ enrolment, data }) => (
          <>
            <p>{m('intro', { organisation: enrolment.organisation.name })}</p>
            <Settings token={enrolment.token} initial={data} />
          </>
        )}
      </OnlineData>
    </>
  );
}

function Settings(props: { token: string; initial: OrganisationSettings }) {
  const { t, locale } = useI18n();
  const { client } = useServices();
  const m = useScreenMessages(organisationMessages);
  const [settings, setSettings] = useState(props.initial);
  const [saved, setSaved] = useState(0);
  // Every change goes through here: checked as the server will check it, then stored.
  const save: Save = async (next, field) => {
    const parsed = organisationSettingsSchema.safeParse(next);
    if (!parsed.success) {
      return [{ field, message: parsed.error.issues.map((i) => i.message).join('; ') }];
    }
    try {
      const stored = await client.put(
        props.token,
        '/api/settings',
        parsed.data,
        organisationSettingsSchema,
      );
      setSettings(stored);
      setSaved((n) => n + 1);
      return [];
    } catch (error) {
      // One entry: ErrorSummary lists errors by field, and all of these are about this change.
      const problems = error instanceof ApiError ? error.problems : [];
      return [{ field, message: [failureText(t, locale, error), ...problems].join(' ') }];
    }
  };
  return (
    <>
      {saved > 0 && (
        <p class="banner banner-success" role="status" key={saved}>
          {m('saved')}
        </p>
      )}
      <Threshold settings={settings} save={save} />
      <Privacy settings={settings} save={save} />
      <OutcomeKinds settings={settings} save={save} />
      <ServicesDirectory settings={settings} save={save} />
    </>
  );
}

/** Errors keyed by field for ErrorSummary, which keys its list by field. */
const uniqueFields = (errors: readonly FieldError[]): FieldError[] => {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
};

function Threshold(props: { settings: OrganisationSettings; save: Save }) {
  const m = useScreenMessages(organisationMessages);
  const [value, setValue] = useState(String(props.settings.minGroup));
  const [errors, setErrors] = useState<FieldError[]>([]);
  return (
    <section aria-labelledby="threshold-title">
      <h2 id="threshold-title">{m('threshold.title')}</h2>
      <ErrorSummary errors={errors} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const n = Number(value.trim());
          if (!/^\d+$/.test(value.trim()) || n < 2 || n > 100) {
            setErrors([{ field: 'min-group', message: m('threshold.invalid') }]);
            return;
          }
          setErrors(
            uniqueFields(await props.save({ ...props.settings, minGroup: n }, 'min-group')),
          );
        }}
      >
        <TextField
          id="min-group"
          label={m('threshold.label')}
          hint={m('threshold.hint')}
          error={errors[0]?.message}
          value={value}
          onInput={setValue}
          maxLength={3}
          short
        />
        <button type="submit" class="button">
          {m('threshold.save')}
        </button>
      </form>
    </section>
  );
}

const isHealthQuestionMode = (value: string): value is HealthQuestionMode =>
  (HEALTH_QUESTION_MODES as readonly string[]).includes(value);

function Privacy(props: { settings: OrganisationSettings; save: Save }) {
  const m = useScreenMessages(organisationMessages);
  const [mode, setMode] = useState<HealthQuestionMode>(props.settings.healthQuestion);
  const [days, setDays] = useState(String(props.settings.retentionDays));
  const [lock, setLock] = useState(String(props.settings.lockMinutes ?? DEFAULT_LOCK_MINUTES));
  const [errors, setErrors] = useState<FieldError[]>([]);
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">{m('privacy.title')}</h2>
      <ErrorSummary errors={errors} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const n = Number(days.trim());
          const minutes = Number(lock.trim());
          const found: FieldError[] = [];
          if (!/^\d+$/.test(days.trim()) || n < 30 || n > 3650) {
            found.push({ field: 'retention-days', message: m('privacy.retentionInvalid') });
          }
          if (!/^\d+$/.test(lock.trim()) || minutes < 1 || minutes > 60) {
            found.push({ field: 'lock-minutes', message: m('privacy.lockInvalid') });
          }
          if (found.length > 0) {
            setErrors(found);
            return;
          }
          // Settings read without it (from a server that predates it) get it only when changed.
          const unchanged =
            props.settings.lockMinutes === undefined && minutes === DEFAULT_LOCK_MINUTES;
          const next = {
            ...props.settings,
            healthQuestion: mode,
            retentionDays: n,
            ...(unchanged ? {} : { lockMinutes: minutes }),
          };
          setErrors(uniqueFields(await props.save(next, 'health-question')));
        }}
      >
        <Radios
          name="health-question"
          legend={m('privacy.health')}
          hint={m('privacy.healthHint')}
          error={errors.find((e) => e.field === 'health-question')?.message}
          options={HEALTH_QUESTION_MODES.map((value) => ({
            value,
            label: m(`privacy.health.${value}`),
            hint: m(`privacy.health.${value}Hint`),
          }))}
          value={mode}
          onChange={(value) => {
            if (isHealthQuestionMode(value)) setMode(value);
          }}
        />
        <TextField
          id="retention-days"
          label={m('privacy.retention')}
          hint={m('privacy.retentionHint')}
          error={errors.find((e) => e.field === 'retention-days')?.message}
          value={days}
          onInput={setDays}
          maxLength={4}
          short
        />
        <TextField
          id="lock-minutes"
          label={m('privacy.lock')}
          hint={m('privacy.lockHint')}
          error={errors.find((e) => e.field === 'lock-minutes')?.message}
          value={lock}
          onInput={setLock}
          maxLength={2}
          short
        />
        <button type="submit" class="button">
          {m('privacy.save')}
        </button>
      </form>
    </section>
  );
}

/** "Council tax online" → "council-tax-online", as the built-in kinds are named. */
function outcomeId(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function OutcomeKinds(props: { settings: OrganisationSettings; save: Save }) {
  const { locale } = useI18n();
  const m = useScreenMessages(organisationMessages);
  const [label, setLabel] = useState({ en: '', cy: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const own = props.settings.outcomeTypes;
  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{m('outcomes.title')}</h2>
      <p>{m('outcomes.intro')}</p>
      {own.length === 0 ? (
        <p>{m('outcomes.none')}</p>
      ) : (
        <ul>
          {own.map((kind) => (
            <li key={kind.id} data-outcome-kind={kind.id}>
              {kind.label[locale]}{' '}
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={async () =>
                  setErrors(
                    uniqueFields(
                      await props.save(
                        {
                          ...props.settings,
                          outcomeTypes: own.filter((o) => o.id !== kind.id),
                        },
                        'outcome-en',
                      ),
                    ),
                  )
                }
              >
                {m('outcomes.remove', { name: kind.label[locale] })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary errors={errors} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const en = label.en.trim();
          const cy = label.cy.trim();
          const id = outcomeId(en);
          const found: FieldError[] = [];
          if (!en || en.length > 80 || !id) {
            found.push({ field: 'outcome-en', message: m('outcomes.missing') });
          } else if (
            (BUILT_IN_OUTCOMES as readonly string[]).includes(id) ||
            own.some((o) => o.id === id)
          ) {
            found.push({ field: 'outcome-en', message: m('outcomes.taken') });
          }
          if (!cy || cy.length > 80) {
            found.push({ field: 'outcome-cy', message: m('outcomes.missing') });
          }
          if (found.length === 0) {
            const next = { ...props.settings, outcomeTypes: [...own, { id, label: { en, cy } }] };
            found.push(...(await props.save(next, 'outcome-en')));
            if (found.length === 0) setLabel({ en: '', cy: '' });
          }
          setErrors(uniqueFields(found));
        }}
      >
        <TextField
          id="outcome-en"
          label={m('outcomes.labelEn')}
          error={errors.find((e) => e.field === 'outcome-en')?.message}
          value={label.en}
          maxLength={80}
          onInput={(en) => setLabel({ ...label, en })}
        />
        <TextField
          id="outcome-cy"
          label={m('outcomes.labelCy')}
          error={errors.find((e) => e.field === 'outcome-cy')?.message}
          value={label.cy}
          maxLength={80}
          onInput={(cy) => setLabel({ ...label, cy })}
        />
        <button type="submit" class="button">
          {m('outcomes.add')}
        </button>
      </form>
    </section>
  );
}

interface ServiceDraft {
  readonly nameEn: string;
  readonly nameCy: string;
  readonly descriptionEn: string;
  readonly descriptionCy: string;
  readonly needs: readonly Signpost[];
  readonly contact: string;
  readonly url: string;
}

const EMPTY: ServiceDraft = {
  nameEn: '',
  nameCy: '',
  descriptionEn: '',
  descriptionCy: '',
  needs: [],
  contact: '',
  url: '',
};

const draftOf = (s: Service): ServiceDraft => ({
  nameEn: s.name.en,
  nameCy: s.name.cy,
  descriptionEn: s.description.en,
  descriptionCy: s.description.cy,
  needs: s.signposts,
  contact: s.contact ?? '',
  url: s.url ?? '',
});

function ServicesDirectory(props: { settings: OrganisationSettings; save: Save }) {
  const { locale } = useI18n();
  const m = useScreenMessages(organisationMessages);
  const directory = props.settings.directory;
  // The index being edited; the list's length for a new entry.
  const [editing, setEditing] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const saveDirectory = async (next: Service[] | null) => {
    const found = await props.save({ ...props.settings, directory: next }, 'directory-title');
    setErrors(uniqueFields(found));
    return found.length === 0;
  };
  const needsText = (s: Service) =>
    s.signposts.map((n) => m(`need.${n}` as OrganisationKey)).join(', ');
  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title" tabIndex={-1}>
        {m('directory.title')}
      </h2>
      <ErrorSummary errors={errors} />
      {directory === null ? (
        <>
          <p>{m('directory.national')}</p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setEditing(0);
            }}
          >
            {m('directory.start')}
          </button>
        </>
      ) : (
        <>
          <p>{m('directory.own', { count: directory.length })}</p>
          {directory.length > 0 && (
            <DataTable
              labelledBy="directory-title"
              columns={[m('service.nameEn'), m('service.needs'), '']}
            >
              {directory.map((s, index) => (
                <tr key={s.id} data-service={s.id}>
                  <td>
                    {s.name[locale]}
                    <br />
                    {s.description[locale]}
                    {s.contact && (
                      <>
                        <br />
                        {s.contact}
                      </>
                    )}
                    {s.url && (
                      <>
                        <br />
                        {s.url}
                      </>
                    )}
                  </td>
                  <td>{needsText(s)}</td>
                  <td>
                    <div class="button-group">
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => setEditing(index)}
                      >
                        {m('directory.edit', { name: s.name[locale] })}
                      </button>
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => void saveDirectory(directory.filter((_, i) => i !== index))}
                      >
                        {m('directory.remove', { name: s.name[locale] })}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <div class="button-group">
            {editing === null && (
              <button
                type="button"
                class="button button-secondary"
                onClick={() => setEditing(directory.length)}
              >
                {m('service.add')}
              </button>
            )}
            <button
              type="button"
              class="button button-secondary"
              onClick={async () => {
                if (await saveDirectory(null)) setEditing(null);
              }}
            >
              {m('directory.reset')}
            </button>
          </div>
        </>
      )}
      {editing !== null && (
        <ServiceForm
          key={editing}
          initial={directory?.[editing]}
          onCancel={() => setEditing(null)}
          onSave={async (service) => {
            const list = [...(directory ?? [])];
            list.splice(editing, editing < list.length ? 1 : 0, service);
            const done = await saveDirectory(list);
            if (done) setEditing(null);
            return done;
          }}
          taken={(directory ?? []).filter((_, i) => i !== editing).map((s) => s.id)}
        />
      )}
    </section>
  );
}

function ServiceForm(props: {
  initial: Service | undefined;
  taken: readonly string[];
  onCancel: () => void;
  onSave: (service: Service) => Promise<boolean>;
}) {
  const { locale } = useI18n();
  const m = useScreenMessages(organisationMessages);
  const [draft, setDraft] = useState(props.initial ? draftOf(props.initial) : EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const set = (patch: Partial<ServiceDraft>) => setDraft({ ...draft, ...patch });
  const title = props.initial
    ? m('service.editing', { name: props.initial.name[locale] })
    : m('service.add');
  return (
    <form
      aria-labelledby="service-form-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const found: FieldError[] = [];
        const t = (s: string) => s.trim();
        const bad = (s: string, max: number) => !t(s) || t(s).length > max;
        if (bad(draft.nameEn, 120))
          found.push({ field: 'service-name-en', message: m('service.nameMissing') });
        if (bad(draft.nameCy, 120))
          found.push({ field: 'service-name-cy', message: m('service.nameMissing') });
        if (bad(draft.descriptionEn, 500)) {
          found.push({ field: 'service-description-en', message: m('service.descriptionMissing') });
        }
        if (bad(draft.descriptionCy, 500)) {
          found.push({ field: 'service-description-cy', message: m('service.descriptionMissing') });
        }
        if (draft.needs.length === 0)
          found.push({ field: 'service-need-0', message: m('service.needsMissing') });
        if (t(draft.contact).length > 200)
          found.push({ field: 'service-contact', message: m('service.contactLong') });
        const base = outcomeId(draft.nameEn) || 'service';
        let id = props.initial?.id ?? base;
        for (let n = 2; props.taken.includes(id); n += 1) id = `${base.slice(0, 55)}-${n}`;
        const service = {
          id,
          signposts: SIGNPOSTS.filter((s) => draft.needs.includes(s)),
          name: { en: t(draft.nameEn), cy: t(draft.nameCy) },
          description: { en: t(draft.descriptionEn), cy: t(draft.descriptionCy) },
          ...(t(draft.contact) ? { contact: t(draft.contact) } : {}),
          ...(t(draft.url) ? { url: t(draft.url) } : {}),
        };
        if (t(draft.url) && !serviceSchema.shape.url.safeParse(t(draft.url)).success) {
          found.push({ field: 'service-url', message: m('service.urlInvalid') });
        }
        setErrors(found);
        if (found.length > 0) return;
        await props.onSave(service);
      }}
    >
      <h3 id="service-form-title">{title}</h3>
      <ErrorSummary errors={errors} />
      <TextField
        id="service-name-en"
        label={m('service.nameEn')}
        error={errorFor('service-name-en')}
        value={draft.nameEn}
        maxLength={120}
        onInput={(nameEn) => set({ nameEn })}
      />
      <TextField
        id="service-name-cy"
        label={m('service.nameCy')}
        error={errorFor('service-name-cy')}
        value={draft.nameCy}
        maxLength={120}
        onInput={(nameCy) => set({ nameCy })}
      />
      <TextField
        id="service-description-en"
        label={m('service.descriptionEn')}
        error={errorFor('service-description-en')}
        value={draft.descriptionEn}
        maxLength={500}
        onInput={(descriptionEn) => set({ descriptionEn })}
      />
      <TextField
        id="service-description-cy"
        label={m('service.descriptionCy')}
        error={errorFor('service-description-cy')}
        value={draft.descriptionCy}
        maxLength={500}
        onInput={(descriptionCy) => set({ descriptionCy })}
      />
      <div class={errorFor('service-need-0') ? 'form-group form-group-error' : 'form-group'}>
        <fieldset
          class="fieldset"
          aria-describedby={errorFor('service-need-0') ? 'service-needs-error' : undefined}
        >
          <legend class="legend">{m('service.needs')}</legend>
          {errorFor('service-need-0') && (
            <p class="error-message" id="service-needs-error">
              {errorFor('service-need-0')}
            </p>
          )}
          {SIGNPOSTS.map((need, index) => (
            <div class="checkbox" key={need}>
              <input
                type="checkbox"
                id={`service-need-${index}`}
                checked={draft.needs.includes(need)}
                onChange={(e) =>
                  set({
                    needs: e.currentTarget.checked
                      ? [...draft.needs, need]
                      : draft.needs.filter((n) => n !== need),
                  })
                }
              />
              <label for={`service-need-${index}`}>{m(`need.${need}` as OrganisationKey)}</label>
            </div>
          ))}
        </fieldset>
      </div>
      <TextField
        id="service-contact"
        label={m('service.contact')}
        hint={m('service.contactHint')}
        error={errorFor('service-contact')}
        value={draft.contact}
        maxLength={200}
        onInput={(contact) => set({ contact })}
      />
      <TextField
        id="service-url"
        label={m('service.url')}
        error={errorFor('service-url')}
        value={draft.url}
        autocomplete="url"
        onInput={(url) => set({ url })}
      />
      <div class="button-group">
        <button type="submit" class="button">
          {m('service.save')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          {m('service.cancel')}
        </button>
      </div>
    </form>
  );
}
