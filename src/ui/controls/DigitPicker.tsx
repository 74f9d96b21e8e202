import { ALL_DIGITS, digitsFromMask } from '../../config/datasets.ts';
import { useText } from '../../i18n/text.ts';

/**
 * Which MNIST digits to train on: ten checkboxes over the `digits` bitmask. At least one stays
 * checked (the last one cannot be unchecked).
 */
export function DigitPicker({
  mask,
  onChange,
}: {
  mask: number;
  onChange: (mask: number) => void;
}) {
  const t = useText();
  const chosen = new Set(digitsFromMask(mask));
  return (
    <fieldset className="digit-picker">
      <legend>{t.controls.digits}</legend>
      <div className="digit-boxes">
        {Array.from({ length: 10 }, (_, d) => (
          <label key={d} className="digit-box">
            <input
              type="checkbox"
              checked={chosen.has(d)}
              disabled={chosen.size === 1 && chosen.has(d)}
              aria-label={t.controls.digit(d)}
              onChange={() => onChange(mask ^ (1 << d))}
            />
            {d}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="small"
        disabled={mask === ALL_DIGITS}
        onClick={() => onChange(ALL_DIGITS)}
      >
        {t.controls.allTen}
      </button>
    </fieldset>
  );
}
