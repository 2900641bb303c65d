import { memo } from 'preact/compat';
import { scaleV1, type Answer, type Facet, type QuestionRef } from '../../domain/index.ts';
import { useScreenMessages } from '../i18n/i18n.ts';
import { useWords } from '../i18n/words.ts';
import { interviewMessages } from '../screens/interview.messages.ts';
import { Radios, type RadioOption } from './Radios.tsx';

interface QuestionProps {
  // Plain values rather than a QuestionRef object, so that memo() sees equal props and a tap
  // re-renders only the question that changed.
  readonly facet: Facet;
  readonly itemId: string;
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly answer: Answer | undefined;
  readonly onAnswer: (question: QuestionRef, answer: Answer, event: Event) => void;
}

/** One question: the five scored options of its facet, then the non-answers. */
export const Question = memo(function Question(props: QuestionProps) {
  const m = useScreenMessages(interviewMessages);
  const words = useWords();
  // The step that holds the question waits for the wording, so it is here by now.
  if (!words) return null;
  const question = { facet: props.facet, itemId: props.itemId };
  const options: RadioOption[] = scaleV1.options[question.facet].map((score) => ({
    value: String(score),
    label: words.option(question.facet, score),
  }));
  const missing: RadioOption[] = scaleV1.missing.map((id) => ({
    value: id,
    label: words.missing(id),
  }));
  // "skipped" is not a choice: it is what moving on without answering records.
  const value =
    props.answer === undefined || props.answer === 'skipped' ? undefined : String(props.answer);
  return (
    <Radios
      name={`${question.facet}-${question.itemId}`}
      legend={props.legend}
      hint={props.hint}
      options={options}
      extraOptions={missing}
      dividerText={m('interview.or')}
      value={value}
      onChange={(v, event) => props.onAnswer(question, toAnswer(v), event)}
    />
  );
});

function toAnswer(value: string): Answer {
  const n = Number(value);
  return (Number.isInteger(n) ? n : value) as Answer;
}
