import type { JSX } from 'preact';

export interface RadioOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

interface RadiosProps {
  readonly name: string;
  readonly legend: string;
  readonly legendClass?: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly options: readonly RadioOption[];
  /** Options shown after an "or" divider, such as "Don't know". */
  readonly extraOptions?: readonly RadioOption[];
  readonly dividerText?: string;
  readonly value: string | undefined;
  readonly onChange: (value: string, event: Event) => void;
}

/** A native radio group with a legend: works with a keyboard and a screen reader as is. */
export function Radios(props: RadiosProps) {
  const { name, legend, hint, error, options, extraOptions = [], value } = props;
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const radio = (option: RadioOption, index: number): JSX.Element => {
    const id = index === 0 ? name : `${name}-${option.value}`;
    const optionHintId = option.hint ? `${id}-hint` : undefined;
    return (
      <div class="radio" key={option.value}>
        <input
          type="radio"
          id={id}
          name={name}
          value={option.value}
          checked={value === option.value}
          aria-describedby={optionHintId}
          onChange={(e) => props.onChange(option.value, e)}
        />
        <label for={id}>{option.label}</label>
        {option.hint && (
          <p class="hint radio-hint" id={optionHintId}>
            {option.hint}
          </p>
        )}
      </div>
    );
  };
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy}>
        <legend class={props.legendClass ?? 'legend'}>{legend}</legend>
        {hint && (
          <p class="hint" id={hintId}>
            {hint}
          </p>
        )}
        {error && (
          <p class="error-message" id={errorId}>
            {error}
          </p>
        )}
        <div class="radios">
          {options.map((o, i) => radio(o, i))}
          {extraOptions.length > 0 && (
            <>
              <p class="radios-divider">{props.dividerText}</p>
              {extraOptions.map((o) => radio(o, options.length + 1))}
            </>
          )}
        </div>
      </fieldset>
    </div>
  );
}
