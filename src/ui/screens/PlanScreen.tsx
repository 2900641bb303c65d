import { useMemo } from 'preact/hooks';
import {
  bankV1,
  scaleV1,
  scoreAssessment,
  servicesFor,
  signpostsFor,
  type Assessment,
  type Directory,
  type Signpost,
} from '../../domain/index.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { StoredAssessment } from '../components/StoredAssessment.tsx';
import { formatIsoDate } from '../format.ts';
import {
  I18nContext,
  LANGUAGE_TAG,
  loadTranslator,
  useI18n,
  useScreenMessages,
  type I18n,
  type UiLocale,
} from '../i18n/i18n.ts';
import { loadWords, useWords } from '../i18n/words.ts';
import { useServices } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { planMessages } from './plan.messages.ts';

/**
 * The learning plan to print and give to the resident, in the language they chose when the
 * assessment started, whatever language the app is in. The buttons around it stay in the app's
 * language: they are for the person running the app.
 */
export default function PlanScreen({ id }: { id: string }) {
  return (
    <StoredAssessment id={id}>{(assessment) => <Plan assessment={assessment} />}</StoredAssessment>
  );
}

function Plan({ assessment }: { assessment: Assessment }) {
  const app = useI18n();
  const { t } = app;
  const m = useScreenMessages(planMessages);
  const language: UiLocale = assessment.language ?? app.locale;
  const theirs = useAsync(async (): Promise<I18n> => {
    if (language === app.locale) return app;
    const [translate] = await Promise.all([loadTranslator(language), loadWords(language)]);
    return { locale: language, t: translate, setLocale: app.setLocale };
  }, [language, app]);

  return (
    <>
      {theirs.status === 'done' ? (
        <div lang={language === app.locale ? undefined : LANGUAGE_TAG[language]}>
          <I18nContext.Provider value={theirs.value}>
            <PlanContent assessment={assessment} />
          </I18nContext.Provider>
        </div>
      ) : theirs.status === 'error' ? (
        <p class="error-message" role="alert">
          {theirs.error.message}
        </p>
      ) : (
        <p>{t('app.loading')}</p>
      )}
      <div class="button-group no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {m('plan.print')}
        </button>
        <a class="link-button" href={`/assessments/${assessment.id}/results`}>
          {t('plan.back')}
        </a>
      </div>
    </>
  );
}

/**
 * In the resident's language: everything here reads its text from the context around it. Resident
 * mode shows it too (ResidentScreen).
 */
export function PlanContent({ assessment }: { assessment: Assessment }) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(planMessages);
  const words = useWords();
  const scores = useMemo(() => scoreAssessment(assessment.answers, bankV1, scaleV1), [assessment]);
  const signposts = signpostsFor(scores.flags);
  // What they can already do: the skills they rated "confident" or "could teach others".
  const canDo = bankV1.skills
    .filter((s) => {
      const answer = assessment.answers.skill[s.id];
      return typeof answer === 'number' && answer >= 3;
    })
    .map((s) => s.id);
  if (!words) return <p>{t('app.loading')}</p>;
  return (
    <>
      <p class="caption">
        {m('plan.caption', {
          who: assessment.residentRef ?? t('home.anonymous'),
          date: formatIsoDate(assessment.date, locale),
        })}
      </p>
      <PageTitle focusKey="plan">{m('plan.title')}</PageTitle>
      {scores.plan.length === 0 ? (
        <p>{m('plan.none')}</p>
      ) : (
        <>
          <p>{m('plan.intro')}</p>
          <ol class="plan">
            {scores.plan.map((p) => {
              const { label, example } = words.skill(p.skillId);
              return (
                <li key={p.skillId} data-skill={p.skillId}>
                  <span class="plan-skill">{label}</span>
                  <br />
                  <span class="hint">{m('plan.example', { example })}</span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {canDo.length > 0 && (
        <>
          <h2>{m('plan.canDo.title')}</h2>
          <ul class="plan-can-do">
            {canDo.map((id) => (
              <li key={id}>{words.skill(id).label}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{m('plan.help.title')}</h2>
      <WhereToGetHelp signposts={signposts} />
    </>
  );
}

/**
 * The organisation's own services for the person's needs where it has written a directory (as
 * last fetched: the plan prints offline), else the national suggestions.
 */
function WhereToGetHelp({ signposts }: { signposts: readonly Signpost[] }) {
  const { locale } = useI18n();
  const m = useScreenMessages(planMessages);
  const { organisation: organisationStore } = useServices();
  const organisation = useAsync(
    async () => (await organisationStore()).settings(),
    [organisationStore],
  );
  if (organisation.status === 'loading') return null;
  const directory: Directory | null =
    organisation.status === 'done' ? (organisation.value?.directory ?? null) : null;
  if (directory) {
    const services = servicesFor(directory, signposts);
    if (services.length === 0) return <p>{m('plan.help.none')}</p>;
    return (
      <ul class="plan-services">
        {services.map((service) => (
          <li key={service.id} data-service={service.id}>
            <strong>{service.name[locale]}</strong>
            <br />
            {service.description[locale]}
            {service.contact && (
              <>
                <br />
                {m('plan.help.contact', { contact: service.contact })}
              </>
            )}
            {service.url && (
              <>
                <br />
                {/* The address written out: on paper a link is only its text. */}
                <a href={service.url}>{service.url}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    );
  }
  if (signposts.length === 0) return <p>{m('plan.help.none')}</p>;
  return (
    <ul>
      {signposts.map((s) => (
        <li key={s}>{m(`help.${s}`)}</li>
      ))}
    </ul>
  );
}
