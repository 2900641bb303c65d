import { memo } from 'preact/compat';
import { scaleV1, type Answer, type Facet, type QuestionRef } from '../../domain/index.ts';
import { bankText } from '../format.ts';
import { useI18n } from '../i18n/i18n.ts';
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
  const { locale, t } = useI18n();
  const question = { facet: props.facet, itemId: props.itemId };
  const options: RadioOption[] = scaleV1.options[question.facet].map((o) => ({
    value: String(o.score),
    label: bankText(o.text, locale),
  }));
  const missing: RadioOption[] = scaleV1.missing.map((m) => ({
    value: m.id,
    label: bankText(m.text, locale),
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
      dividerText={t('interview.or')}
      value={value}
      onChange={(v, event) => props.onAnswer(question, toAnswer(v), event)}
    />
  );
});

function toAnswer(value: string): Answer {
  const n = Number(value);
  return (Number.isInteger(n) ? n : value) as Answer;
}
