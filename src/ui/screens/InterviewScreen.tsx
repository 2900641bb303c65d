import { useLocation } from 'preact-iso';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  HEALTH_BLOCKER_ID,
  askedQuestions,
  bankV1,
  interviewSteps,
  needsHealthConsent,
  questionsInSet,
  questionsOnStep,
  unansweredOnStep,
  withHealthConsent,
  type Answer,
  type Assessment,
  type QuestionRef,
  type Step,
} from '../../domain/index.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Question } from '../components/Question.tsx';
import { Radios } from '../components/Radios.tsx';
import { StoredAssessment } from '../components/StoredAssessment.tsx';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages, type Params } from '../i18n/i18n.ts';
import { useWords, type Words } from '../i18n/words.ts';
import { answeredCount } from '../progress.ts';
import { useServices } from '../services.ts';
import { interviewMessages, type InterviewKey } from './interview.messages.ts';

/** Marks each answer's tap-to-commit time, read by `npm run bench` and by field diagnostics. */
export const ANSWER_SAVED_MEASURE = 'doorstep:answer-saved';

type InterviewText = (key: InterviewKey, params?: Params) => string;

export default function InterviewScreen({ id, step }: { id: string; step: string }) {
  const { t } = useI18n();
  const m = useScreenMessages(interviewMessages);
  return (
    <StoredAssessment id={id}>
      {(assessment) =>
        assessment.status === 'finished' ? (
          <>
            <PageTitle focusKey="finished">{m('interview.finished')}</PageTitle>
            <a href={`/assessments/${id}/results`}>{t('home.viewResults')}</a>
          </>
        ) : (
          <Interview initial={assessment} stepNumber={Number(step)} />
        )
      }
    </StoredAssessment>
  );
}

function Interview(props: { initial: Assessment; stepNumber: number }) {
  const { t } = useI18n();
  const words = useWords();
  return words ? <InterviewStep {...props} words={words} /> : <p>{t('app.loading')}</p>;
}

function InterviewStep({
  initial,
  stepNumber,
  words,
}: {
  initial: Assessment;
  stepNumber: number;
  words: Words;
}) {
  const { t, locale } = useI18n();
  const m = useScreenMessages(interviewMessages);
  const { store, answers, sync } = useServices();
  const { route } = useLocation();
  const [assessment, setAssessment] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = assessment.id;
  const steps = useMemo(() => interviewSteps(bankV1, assessment.set), [assessment.set]);
  const index = Number.isInteger(stepNumber)
    ? Math.min(Math.max(stepNumber - 1, 0), steps.length - 1)
    : assessment.step;
  const step = steps[index] as Step;
  const who = assessment.residentRef ?? t('home.anonymous');

  useEffect(() => answers.prepare(), []);

  // Reopening resumes at the step last shown, however the person got there (links, back button).
  useEffect(() => {
    if (index !== assessment.step) {
      store.moveToStep(id, index, []).then(setAssessment, () => {});
    }
  }, [index]);

  const onAnswer = useCallback(
    async (question: QuestionRef, answer: Answer, event: Event) => {
      const tapped = event.timeStamp;
      // Start the write before re-rendering: the commit is what must not wait.
      const saved = answers.save(id, question, answer);
      setAssessment((a) => withAnswer(a, question, answer));
      try {
        measureAnswerSaved(tapped, (await saved).committedAt);
        setError(null);
      } catch (e) {
        setError(m('interview.saveError', { reason: failureText(t, locale, e) }));
        // Show what is really stored, not what we hoped was.
        const stored = await store.get(id).catch(() => undefined);
        if (stored?.ok) setAssessment(stored.assessment);
      }
    },
    [id, t],
  );

  // The separate consent to the health question: shown at once, kept once earlier answers landed.
  const onHealthConsent = async (consent: boolean) => {
    setAssessment((a) => withHealthConsent(a, consent));
    try {
      await answers.settled();
      setAssessment(await store.update(id, (a) => withHealthConsent(a, consent)));
      setError(null);
    } catch (e) {
      setError(m('interview.saveError', { reason: failureText(t, locale, e) }));
      const stored = await store.get(id).catch(() => undefined);
      if (stored?.ok) setAssessment(stored.assessment);
    }
  };

  const goTo = async (target: number, finishing = false) => {
    setBusy(true);
    try {
      // The answers just given are read back by what follows: let their commits land first.
      await answers.settled();
      // A health question not agreed to is not asked: it is left without any entry, not skipped.
      const { privacy } = assessment;
      const skipped =
        target > index
          ? askedQuestions(unansweredOnStep(bankV1, step, assessment.answers), privacy)
          : [];
      if (finishing) {
        const all = askedQuestions(questionsInSet(bankV1, assessment.set), privacy).filter(
          (q) => assessment.answers[q.facet][q.itemId] === undefined,
        );
        await store.finish(id, all);
        void sync.trigger('finished');
        route(`/assessments/${id}/results`);
        return;
      }
      setAssessment(await store.moveToStep(id, target, skipped));
      route(`/assessments/${id}/${target + 1}`);
    } catch (e) {
      setError(m('interview.saveError', { reason: failureText(t, locale, e) }));
    } finally {
      setBusy(false);
    }
  };

  const title = stepTitle(step, m, words);
  return (
    <>
      {error && (
        <p class="error-message" role="alert">
          {error}
        </p>
      )}
      <p class="caption">{m('interview.caption', { who })}</p>
      <p class="caption" id="step-progress">
        {m('interview.progress', { step: index + 1, count: steps.length })}
      </p>
      <progress class="progress" value={index + 1} max={steps.length} aria-hidden="true" />
      <PageTitle focusKey={`step-${index}`} describedBy="step-progress">
        {title}
      </PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void goTo(index + 1, step.kind === 'review');
        }}
      >
        {step.kind === 'review' ? (
          <Review assessment={assessment} steps={steps} words={words} />
        ) : (
          <StepQuestions
            step={step}
            assessment={assessment}
            words={words}
            onAnswer={onAnswer}
            onHealthConsent={onHealthConsent}
          />
        )}
        <div class="button-group">
          <button type="submit" class="button" disabled={busy}>
            {step.kind === 'review' ? m('interview.finish') : m('interview.next')}
          </button>
          {index > 0 && (
            <button
              type="button"
              class="button button-secondary"
              disabled={busy}
              onClick={() => void goTo(index - 1)}
            >
              {m('interview.back')}
            </button>
          )}
          <a class="link-button" href="/">
            {m('interview.later')}
          </a>
        </div>
      </form>
    </>
  );
}

function StepQuestions(props: {
  step: Exclude<Step, { kind: 'review' }>;
  assessment: Assessment;
  words: Words;
  onAnswer: (q: QuestionRef, a: Answer, e: Event) => void;
  onHealthConsent: (consent: boolean) => void;
}) {
  const m = useScreenMessages(interviewMessages);
  const { step, assessment, words, onAnswer } = props;
  const answers = assessment.answers;
  if (step.kind === 'heading') {
    return (
      <>
        <p>{m('interview.skill.intro')}</p>
        <p class="hint">{m('interview.savedHint')}</p>
        {step.skills.map((skill) => {
          const { label, example } = words.skill(skill.id);
          return (
            <section class="skill" key={skill.id} aria-labelledby={`skill-title-${skill.id}`}>
              <h2 id={`skill-title-${skill.id}`}>{label}</h2>
              <p class="hint">{m('interview.skill.example', { example })}</p>
              <Question
                facet="skill"
                itemId={skill.id}
                legend={m('interview.skill.legend', { skill: label })}
                answer={answers.skill[skill.id]}
                onAnswer={onAnswer}
              />
              <Question
                facet="interest"
                itemId={skill.id}
                legend={m('interview.interest.legend', { skill: label })}
                answer={answers.interest[skill.id]}
                onAnswer={onAnswer}
              />
            </section>
          );
        })}
      </>
    );
  }
  const items = step.kind === 'basics' ? bankV1.basics : bankV1.blockers;
  const privacy = assessment.privacy;
  const question = (item: (typeof items)[number]) => (
    <Question
      key={item.id}
      facet={step.kind}
      itemId={item.id}
      legend={words.item(item.id)}
      hint={
        item.id === HEALTH_BLOCKER_ID
          ? m('health.optional')
          : 'optional' in item && item.optional
            ? m('interview.optional')
            : undefined
      }
      answer={answers[step.kind][item.id]}
      onAnswer={onAnswer}
    />
  );
  return (
    <>
      <p>{m(step.kind === 'basics' ? 'interview.basics.intro' : 'interview.blockers.intro')}</p>
      <p class="hint">{m('interview.savedHint')}</p>
      {items.map((item) =>
        step.kind === 'blockers' && item.id === HEALTH_BLOCKER_ID && needsHealthConsent(privacy) ? (
          // The organisation asks for a separate consent first; only a yes shows the question.
          <div key={item.id}>
            <Radios
              name="health-consent"
              legend={m('health.consent.legend')}
              hint={m('health.consent.hint')}
              options={[
                { value: 'yes', label: m('health.consent.yes') },
                { value: 'no', label: m('health.consent.no') },
              ]}
              value={
                privacy?.healthConsent === true
                  ? 'yes'
                  : privacy?.healthConsent === false
                    ? 'no'
                    : undefined
              }
              onChange={(value) => props.onHealthConsent(value === 'yes')}
            />
            {privacy?.healthConsent === true && question(item)}
            {/* Present from the start, so that a screen reader says the question is not asked. */}
            <div role="status">
              {privacy?.healthConsent === false && <p>{m('health.consent.declined')}</p>}
            </div>
          </div>
        ) : (
          question(item)
        ),
      )}
    </>
  );
}

function Review({
  assessment,
  steps,
  words,
}: {
  assessment: Assessment;
  steps: readonly Step[];
  words: Words;
}) {
  const m = useScreenMessages(interviewMessages);
  return (
    <>
      <p>{m('interview.review.intro')}</p>
      <p>{m('interview.review.partial')}</p>
      <DataTable
        columns={[
          m('interview.review.section'),
          m('interview.review.answered'),
          <span class="visually-hidden">{m('interview.review.change')}</span>,
        ]}
      >
        {steps.map((step, i) => {
          if (step.kind === 'review') return null;
          const title = stepTitle(step, m, words);
          return (
            <tr key={i}>
              <th scope="row">{title}</th>
              <td>
                {m(
                  'interview.review.counts',
                  answeredCount(
                    assessment,
                    askedQuestions(questionsOnStep(bankV1, step), assessment.privacy),
                  ),
                )}
              </td>
              <td>
                <a
                  href={`/assessments/${assessment.id}/${i + 1}`}
                  aria-label={m('interview.review.changeStep', { step: title })}
                >
                  {m('interview.review.change')}
                </a>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

function stepTitle(step: Step, m: InterviewText, words: Words): string {
  switch (step.kind) {
    case 'basics':
      return m('interview.basics.title');
    case 'blockers':
      return m('interview.blockers.title');
    case 'review':
      return m('interview.review.title');
    case 'heading': {
      return words.heading(step.headingId);
    }
  }
}

function measureAnswerSaved(tapped: number, committed: number) {
  try {
    performance.measure(ANSWER_SAVED_MEASURE, { start: tapped, end: committed });
  } catch {
    // Measuring is diagnostics only: a browser without User Timing Level 3 just has no numbers.
  }
}

function withAnswer(a: Assessment, q: QuestionRef, answer: Answer): Assessment {
  return {
    ...a,
    answers: { ...a.answers, [q.facet]: { ...a.answers[q.facet], [q.itemId]: answer } },
  };
}
