import { useLayoutEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

export interface FieldError {
  /** The id of the field the message links to. */
  readonly field: string;
  readonly message: string;
}

/**
 * GOV.UK-style error summary: focused when it appears, each error linked to its field. A refused
 * file has an `intro` (what happened) and may list several problems for its one field, even the
 * same words twice, so errors are listed by position.
 */
export function ErrorSummary({
  errors,
  intro,
}: {
  errors: readonly FieldError[];
  intro?: string | undefined;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // Before the browser paints or takes the next key, as PageTitle does.
  useLayoutEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('errors.summary')}</h2>
      {intro && <p>{intro}</p>}
      <ul>
        {errors.map((e, index) => (
          <li key={index}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
