/**
 * Resident mode: everything a resident can see while it is on, at any address. The privacy
 * notice and their own agreement, then one question at a time with the interview's wording and
 * components, then their results and plan to print. No links lead anywhere else; only the
 * worker's PIN leaves.
 */
import { useLocation } from 'preact-iso';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  HEALTH_BLOCKER_ID,
  askedQuestions,
  bankV1,
  interviewSteps,
  needsHealthConsent,
  questionsInSet,
  questionsOnStep,
  scaleV1,
  scoreAssessment,
  withHealthConsent,
  type Answer,
  type Assessment,
  type HealthQuestionMode,
  type QuestionRef,
  type Step,
} from '../../domain/index.ts';
import type { ResidentMode } from '../../storage/resident-mode.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { Question } from '../components/Question.tsx';
import { Radios } from '../components/Radios.tsx';
import { TextField } from '../components/TextField.tsx';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages, type Params } from '../i18n/i18n.ts';
import { useWords, type Words } from '../i18n/words.ts';
import { answeredCount } from '../progress.ts';
import { useServices, type Services } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { interviewMessages, type InterviewKey } from './interview.messages.ts';
import { newMessages } from './new.messages.ts';
import { planMessages } from './plan.messages.ts';
import { PlanContent } from './PlanScreen.tsx';
import { residentMessages } from './resident.messages.ts';

export default function ResidentScreen({
  marker,
  onEnded,
  languageSwitch,
}: {
  marker: ResidentMode;
  /** Resident mode was turned off (the worker left with their PIN). */
  onEnded: () => void;
  languageSwitch: ComponentChildren;
}) {
  const { t } = useI18n();
  const m = useScreenMessages(residentMessages);
  const [leaving, setLeaving] = useState(false);
  return (
    <div class="resident">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="header">
        <div class="container header-inner">
          <span class="header-name">{t('app.name')}</span>
          <span class="header-tagline">{m('header.label')}</span>
          {languageSwitch}
          <LeaveButton open={leaving} onOpen={() => setLeaving(true)} />
        </div>
      </header>
      <div class="container">
        {leaving && (
          <LeaveForm
            onCancel={() => {
              setLeaving(false);
              // Back where the worker was, not at the top of the page.
              document.getElementById('resident-leave-open')?.focus();
            }}
            onEnded={onEnded}
          />
        )}
        <main id="main" tabIndex={-1}>
          <ResidentFlow marker={marker} />
        </main>
      </div>
    </div>
  );
}

function LeaveButton({ open, onOpen }: { open: boolean; onOpen: () => void }) {
  const m = useScreenMessages(residentMessages);
  const { session } = useServices();
  if (!session) return null;
  return (
    <button
      type="button"
      id="resident-leave-open"
      class="button-link resident-leave"
      aria-expanded={open}
      aria-controls="resident-leave"
      onClick={onOpen}
    >
      {m('leave.open')}
    </button>
  );
}

/** The worker's PIN ends resident mode; wrong PINs count as when unlocking. */
function LeaveForm({ onCancel, onEnded }: { onCancel: () => void; onEnded: () => void }) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(residentMessages);
  const { session, store } = useServices();
  const { route } = useLocation();
  const [pin, setPin] = useState('');
  // Kept as what happened, not as words: the resident may switch language meanwhile.
  const [empty, setEmpty] = useState(false);
  const [failure, setFailure] = useState<
    { readonly remaining: number } | { readonly error: unknown } | null
  >(null);
  const [busy, setBusy] = useState(false);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.querySelector('input')?.focus();
  }, []);
  if (!session) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setEmpty(pin === '');
    if (pin === '') return;
    setBusy(true);
    try {
      const result = await session.confirmPin(pin);
      if (result.kind === 'unlocked') {
        await store.residentMode().end({ abandoned: false });
        route('/');
        onEnded();
        return;
      }
      // Locked out: the session has locked the app, and this screen is gone with it.
      if (result.kind === 'wrong-pin') {
        setPin('');
        setFailure({ remaining: result.remaining });
      }
    } catch (error) {
      setFailure({ error });
    }
    setBusy(false);
  };
  return (
    <section
      id="resident-leave"
      class="panel resident-leave-panel"
      aria-labelledby="resident-leave-title"
      ref={section}
    >
      <h2 id="resident-leave-title">{m('leave.title')}</h2>
      {failure && (
        <p class="error-message" role="alert">
          {'remaining' in failure
            ? m('leave.wrong', { count: failure.remaining })
            : failureText(t, locale, failure.error)}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id="resident-leave-pin"
          label={m('leave.pin')}
          error={empty ? m('leave.empty') : undefined}
          value={pin}
          onInput={setPin}
          autocomplete="current-password"
          type="password"
        />
        <div class="button-group">
          <button type="submit" class="button" disabled={busy}>
            {m('leave.submit')}
          </button>
          <button type="button" class="button button-secondary" onClick={onCancel}>
            {m('leave.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The resident's own assessment, from the agreement to their plan. */
function ResidentFlow({ marker }: { marker: ResidentMode }) {
  const { t } = useI18n();
  const m = useScreenMessages(residentMessages);
  const { store } = useServices();
  const words = useWords();
  const loaded = useAsync(() => store.get(marker.assessmentId), [marker.assessmentId]);
  // Shown from memory once submitted: after the server has it, the device no longer does.
  const [submitted, setSubmitted] = useState<Assessment | null>(null);
  if (submitted) return <Done assessment={submitted} />;
  if (loaded.status === 'loading' || !words) return <p>{t('app.loading')}</p>;
  const stored = loaded.status === 'done' ? loaded.value : undefined;
  if (!stored?.ok) {
    // Received and deleted already (the page was reloaded after it was sent).
    return <PageTitle focusKey="resident-sent">{m('done.sent')}</PageTitle>;
  }
  if (stored.assessment.status === 'finished') return <Done assessment={stored.assessment} />;
  return <Questions initial={stored.assessment} words={words} onSubmitted={setSubmitted} />;
}

type Page =
  | { readonly kind: 'question'; readonly step: Step; readonly question: QuestionRef }
  | { readonly kind: 'health-consent'; readonly step: Step };

/**
 * One question a page, in the interview's order. Where the organisation asks for a separate
 * consent to the health question, that is a page of its own, and only a yes asks the question.
 */
function pagesFor(assessment: Assessment): Page[] {
  const { privacy } = assessment;
  return interviewSteps(bankV1, assessment.set).flatMap((step) =>
    questionsOnStep(bankV1, step).flatMap((question): Page[] => {
      if (question.facet !== 'blockers' || question.itemId !== HEALTH_BLOCKER_ID) {
        return [{ kind: 'question', step, question }];
      }
      if (!needsHealthConsent(privacy)) return [{ kind: 'question', step, question }];
      const consent: Page = { kind: 'health-consent', step };
      return privacy?.healthConsent === true
        ? [consent, { kind: 'question', step, question }]
        : [consent];
    }),
  );
}

/** Where to resume: the first question without an answer, else the check page. */
function firstOpen(assessment: Assessment, pages: readonly Page[]): number {
  const open = pages.findIndex(
    (p) =>
      p.kind === 'question' &&
      assessment.answers[p.question.facet][p.question.itemId] === undefined,
  );
  return open === -1 ? pages.length : open;
}

function Questions({
  initial,
  words,
  onSubmitted,
}: {
  initial: Assessment;
  words: Words;
  onSubmitted: (finished: Assessment) => void;
}) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(residentMessages);
  const iv = useScreenMessages(interviewMessages);
  const { store, answers, sync, now } = useServices();
  const [assessment, setAssessment] = useState(initial);
  const pages = useMemo(() => pagesFor(assessment), [assessment.set, assessment.privacy]);
  // Before the agreement: the privacy notice (-1). Then a question, or the check page at the end.
  const [index, setIndex] = useState(() =>
    initial.privacy ? firstOpen(initial, pagesFor(initial)) : -1,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = assessment.id;

  useEffect(() => answers.prepare(), []);

  const onAnswer = useCallback(
    async (question: QuestionRef, answer: Answer) => {
      const saved = answers.save(id, question, answer);
      setAssessment((a) => withAnswer(a, question, answer));
      try {
        await saved;
        setError(null);
      } catch (e) {
        setError(iv('interview.saveError', { reason: failureText(t, locale, e) }));
        const stored = await store.get(id).catch(() => undefined);
        if (stored?.ok) setAssessment(stored.assessment);
      }
    },
    [id, t, locale],
  );

  /** A change by one of the domain's rules, shown at once and kept once earlier answers landed. */
  const change = async (rule: (a: Assessment) => Assessment): Promise<boolean> => {
    setAssessment(rule);
    try {
      await answers.settled();
      setAssessment(await store.update(id, rule));
      setError(null);
      return true;
    } catch (e) {
      setError(iv('interview.saveError', { reason: failureText(t, locale, e) }));
      const stored = await store.get(id).catch(() => undefined);
      if (stored?.ok) setAssessment(stored.assessment);
      return false;
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      await answers.settled();
      const { privacy } = assessment;
      const unanswered = askedQuestions(questionsInSet(bankV1, assessment.set), privacy).filter(
        (q) => assessment.answers[q.facet][q.itemId] === undefined,
      );
      const finished = await store.residentMode().submit(id, unanswered);
      void sync.trigger('finished');
      onSubmitted(finished);
    } catch (e) {
      setError(m('check.error', { reason: failureText(t, locale, e) }));
      setBusy(false);
    }
  };

  const alert = error && (
    <p class="error-message" role="alert">
      {error}
    </p>
  );
  if (index < 0) {
    return (
      <>
        {alert}
        <Welcome
          onAgree={async (healthQuestion) => {
            const agreedAt = now();
            const kept = await change((a) => ({
              ...a,
              privacy: { agreedAt, healthQuestion, healthConsent: null },
            }));
            if (kept) setIndex(0);
          }}
        />
      </>
    );
  }
  const page = pages[index];
  const buttons = (last: boolean) => (
    <div class="button-group resident-buttons">
      <button type="submit" class="button" disabled={busy}>
        {last ? m('check.submit') : m('next')}
      </button>
      {index > 0 && (
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() => setIndex(index - 1)}
        >
          {m('back')}
        </button>
      )}
    </div>
  );
  if (!page) {
    return (
      <>
        {alert}
        <PageTitle focusKey="resident-check">{m('check.title')}</PageTitle>
        <p>{m('check.answered', answeredCount(assessment))}</p>
        <p>{m('check.intro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {buttons(true)}
        </form>
      </>
    );
  }
  return (
    <>
      {alert}
      <p class="caption resident-progress" id="resident-progress">
        {m('progress', { number: index + 1, count: pages.length })}
      </p>
      <progress class="progress" value={index + 1} max={pages.length} aria-hidden="true" />
      <PageTitle focusKey={`resident-${index}`} describedBy="resident-progress">
        {stepTitle(page.step, words, iv)}
      </PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setIndex(index + 1);
        }}
      >
        {page.kind === 'health-consent' ? (
          <Radios
            name="health-consent"
            legend={iv('health.consent.legend')}
            hint={iv('health.consent.hint')}
            options={[
              { value: 'yes', label: iv('health.consent.yes') },
              { value: 'no', label: iv('health.consent.no') },
            ]}
            value={
              assessment.privacy?.healthConsent === true
                ? 'yes'
                : assessment.privacy?.healthConsent === false
                  ? 'no'
                  : undefined
            }
            onChange={(value) => void change((a) => withHealthConsent(a, value === 'yes'))}
          />
        ) : (
          <OneQuestion
            question={page.question}
            assessment={assessment}
            words={words}
            onAnswer={onAnswer}
          />
        )}
        {buttons(false)}
      </form>
    </>
  );
}

/** The question in the interview's words, with the intro its step gives the worker to read. */
function OneQuestion(props: {
  question: QuestionRef;
  assessment: Assessment;
  words: Words;
  onAnswer: (q: QuestionRef, a: Answer) => void;
}) {
  const iv = useScreenMessages(interviewMessages);
  const { question, assessment, words } = props;
  const { facet, itemId } = question;
  const answer = assessment.answers[facet][itemId];
  const onAnswer = props.onAnswer;
  if (facet === 'skill' || facet === 'interest') {
    const { label, example } = words.skill(itemId);
    return (
      <>
        <p>{iv('interview.skill.intro')}</p>
        <Question
          key={`${facet}-${itemId}`}
          facet={facet}
          itemId={itemId}
          legend={iv(facet === 'skill' ? 'interview.skill.legend' : 'interview.interest.legend', {
            skill: label,
          })}
          hint={iv('interview.skill.example', { example })}
          answer={answer}
          onAnswer={onAnswer}
        />
      </>
    );
  }
  const items = facet === 'basics' ? bankV1.basics : bankV1.blockers;
  const item = items.find((i) => i.id === itemId);
  return (
    <>
      <p>{iv(facet === 'basics' ? 'interview.basics.intro' : 'interview.blockers.intro')}</p>
      <Question
        key={`${facet}-${itemId}`}
        facet={facet}
        itemId={itemId}
        legend={words.item(itemId)}
        hint={
          itemId === HEALTH_BLOCKER_ID
            ? iv('health.optional')
            : item && 'optional' in item && item.optional
              ? iv('interview.optional')
              : undefined
        }
        answer={answer}
        onAnswer={onAnswer}
      />
    </>
  );
}

/** What the privacy notice says depends on: the organisation and its kept settings. */
interface NoticeContext {
  readonly organisation: string | null;
  readonly healthQuestion: HealthQuestionMode;
  readonly retentionDays: number | null;
}

async function noticeContext(services: Services): Promise<NoticeContext> {
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

/** The privacy notice, in the words the worker reads out, and the resident's own agreement. */
function Welcome({ onAgree }: { onAgree: (mode: HealthQuestionMode) => Promise<void> }) {
  const m = useScreenMessages(residentMessages);
  const n = useScreenMessages(newMessages);
  const services = useServices();
  const context = useAsync(() => noticeContext(services), [services]);
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const error = missing ? m('agree.error') : undefined;
  const [busy, setBusy] = useState(false);
  const notice: NoticeContext =
    context.status === 'done'
      ? context.value
      : { organisation: null, healthQuestion: 'optional', retentionDays: null };
  return (
    <>
      <PageTitle focusKey="resident-welcome">{m('welcome.title')}</PageTitle>
      <p>{m('welcome.intro')}</p>
      {/* Once its details are read: a notice that changes as it is read would confuse. */}
      {context.status !== 'loading' && (
        <section class="panel" aria-labelledby="resident-notice-title">
          <h2 id="resident-notice-title">{n('new.notice.title')}</h2>
          <ul>
            <li>
              {notice.organisation === null
                ? n('new.notice.who.general')
                : n('new.notice.who', { organisation: notice.organisation })}
            </li>
            <li>{n('new.notice.what')}</li>
            <li>{n('new.notice.skip')}</li>
            <li>
              {notice.retentionDays === null
                ? n('new.notice.kept.general')
                : n('new.notice.kept', { days: notice.retentionDays })}
            </li>
            <li>{n('new.notice.rights')}</li>
          </ul>
        </section>
      )}
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setMissing(!agreed);
          if (!agreed) return;
          setBusy(true);
          // Read again rather than from the screen: the mode must be the one kept now.
          const mode = (await noticeContext(services).catch(() => notice)).healthQuestion;
          await onAgree(mode);
          setBusy(false);
        }}
      >
        <div class={error ? 'form-group form-group-error' : 'form-group'}>
          {error && (
            <p class="error-message" id="agree-error">
              {error}
            </p>
          )}
          <div class="checkbox">
            <input
              type="checkbox"
              id="agree"
              checked={agreed}
              aria-describedby={error ? 'agree-error' : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
            />
            <label for="agree">{m('agree.label')}</label>
          </div>
        </div>
        <div class="button-group resident-buttons">
          <button type="submit" class="button" disabled={busy}>
            {m('agree.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

/** Their results and plan, to read and print; nothing else is reachable from here. */
function Done({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  const m = useScreenMessages(residentMessages);
  const p = useScreenMessages(planMessages);
  const scores = useMemo(() => scoreAssessment(assessment.answers, bankV1, scaleV1), [assessment]);
  return (
    <>
      <div class="panel panel-highlight no-print" role="status">
        <p>{m('done.thanks')}</p>
      </div>
      <PlanContent assessment={assessment} />
      <section aria-labelledby="resident-scores-title">
        <h2 id="resident-scores-title">{m('done.scores')}</h2>
        <ul class="score-cards">
          {(['basics', 'blockers', 'skill', 'interest'] as const).map((facet) => {
            const s = scores.sections[facet];
            return (
              <li class="score-card" key={facet} data-section={facet}>
                <h3>{t(`section.${facet}`)}</h3>
                <p class="score-value">
                  {s.score === null ? t('results.noScore') : t('results.score', { score: s.score })}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
      <div class="button-group no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {p('plan.print')}
        </button>
      </div>
      <p class="no-print">{m('done.handBack')}</p>
    </>
  );
}

function stepTitle(
  step: Step,
  words: Words,
  iv: (key: InterviewKey, params?: Params) => string,
): string {
  switch (step.kind) {
    case 'basics':
      return iv('interview.basics.title');
    case 'blockers':
      return iv('interview.blockers.title');
    case 'review':
      return iv('interview.review.title');
    case 'heading':
      return words.heading(step.headingId);
  }
}

function withAnswer(a: Assessment, q: QuestionRef, answer: Answer): Assessment {
  return {
    ...a,
    answers: { ...a.answers, [q.facet]: { ...a.answers[q.facet], [q.itemId]: answer } },
  };
}
