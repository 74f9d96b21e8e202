import { useId, useState, type ReactNode } from 'react';
import { FIELDS, type ChoiceKey, isValidNumber, type FieldKey } from '../../config/fields.ts';
import { useText } from '../../i18n/text.ts';

/**
 * Half a row of the narrowest Training panel leaves a select about 96 px for its text, some 12
 * characters of 14.4 px type; a select with a longer option takes the whole row, so that no
 * option is cut off (e2e/layout.spec.ts measures it).
 */
const HALF_ROW_CHARS = 12;
/** A CJK character is about twice as wide as a Latin one. */
const width = (label: string) =>
  [...label].reduce((n, c) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const hasLongOption = (labels: readonly string[]) => labels.some((l) => width(l) > HALF_ROW_CHARS);

/**
 * One field of the table as a labelled control: a select for choices, a number input for
 * numbers. A typed number applies once it is valid; until then the control says what is wrong
 * and the run keeps its last good value.
 */
export function FieldControl({
  name,
  value,
  onChange,
  disabled = false,
  action = null,
}: {
  name: FieldKey;
  value: number | string;
  onChange: (key: FieldKey, value: number | string) => void;
  disabled?: boolean;
  /** A button beside the input (the seed's "New seed"). */
  action?: ReactNode;
}) {
  const f = FIELDS[name];
  const t = useText();
  const { label, help } = t.fields[name];
  const id = useId();
  const helpId = `${id}-help`;
  // What the person is typing, while they type; otherwise the config's value is shown.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);

  if (f.kind === 'choice') {
    const names = t.options[name as ChoiceKey] as Record<string, string>;
    const optionLabels = f.options.map((o) => names[o] ?? o);
    return (
      <div className={hasLongOption(optionLabels) ? 'field field-wide' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          name={name}
          value={String(value)}
          disabled={disabled}
          aria-describedby={help ? helpId : undefined}
          onChange={(e) => onChange(name, e.target.value)}
        >
          {f.options.map((o, i) => (
            <option key={o} value={o}>
              {optionLabels[i]}
            </option>
          ))}
        </select>
        {help ? (
          <small id={helpId} className="field-help">
            {help}
          </small>
        ) : null}
      </div>
    );
  }

  const parsed = Number(text);
  const valid = text.trim() !== '' && isValidNumber(f, parsed);
  const problem = valid ? null : t.numberProblem(f.kind === 'int', f.min, f.max);
  return (
    <div className={action ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className={action ? 'field-row' : undefined}>
        <input
          id={id}
          name={name}
          type="number"
          inputMode={f.kind === 'int' ? 'numeric' : 'decimal'}
          min={f.min}
          max={f.max}
          step={f.step ?? 'any'}
          value={text}
          disabled={disabled}
          aria-invalid={!valid}
          aria-describedby={problem || help ? helpId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value.trim() !== '' && isValidNumber(f, v) && v !== value)
              onChange(name, v);
          }}
          onBlur={() => setDraft(null)}
        />
        {action}
      </div>
      {problem || help ? (
        <small id={helpId} className={problem ? 'field-help field-error' : 'field-help'}>
          {problem ?? help}
        </small>
      ) : null}
    </div>
  );
}
