import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

/**
 * An error summary for a refused file: what happened, then every problem found, each linking
 * to the field the file came from. Focused when it appears, as ErrorSummary is. Problems may
 * repeat word for word, so they are listed by position, not keyed by field.
 */
export function ProblemSummary(props: {
  field: string;
  intro: string;
  problems: readonly string[];
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [props.problems]);
  return (
    <div
      class="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="problem-summary-title"
    >
      <h2 id="problem-summary-title">{t('errors.summary')}</h2>
      <p>{props.intro}</p>
      <ul>
        {props.problems.map((problem, index) => (
          <li key={index}>
            <a href={`#${props.field}`}>{problem}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
