/** A labelled text input with its hint and error, described by both (GOV.UK text input). */
export function TextField(props: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly maxLength?: number;
  readonly autocomplete?: string;
  readonly short?: boolean;
  /** The id of a <datalist> of suggestions. */
  readonly list?: string | undefined;
  /** `password` for a passphrase or a PIN: not shown, and offered to password managers. */
  readonly type?: 'text' | 'password';
}) {
  const { id, hint, error } = props;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <label class="label" for={id}>
        {props.label}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        class={props.short ? 'input input-short' : 'input'}
        id={id}
        name={id}
        {...(props.type === 'password'
          ? { type: 'password' as const }
          : { type: 'text' as const, list: props.list })}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={false}
        maxLength={props.maxLength}
        value={props.value}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
