// A day field that reads the same in every browser: ISO YYYY-MM-DD typed or pasted, the form
// used on Chinese official documents and unambiguous in English, where a native date input
// would show the operating system's order (mm/dd/yyyy on an English Chromium) whatever the
// dashboard's language. Only a real calendar day within [min, max] reaches the URL.
import { useEffect, useState } from 'react';
import { useI18n } from '../../kit/i18n/i18n.tsx';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export interface DayInputProps {
  label: string;
  value: string | null;
  min?: string | undefined;
  max?: string | undefined;
  onChange: (day: string | null) => void;
}

export function DayInput({ label, value, min, max, onChange }: DayInputProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value ?? '');
  // the URL changed elsewhere (a preset, back/forward): show it
  useEffect(() => setDraft(value ?? ''), [value]);
  const text = draft.trim();
  const inRange = (day: string) => (!min || day >= min) && (!max || day <= max);
  const invalid = text !== '' && !(isDay(text) && inRange(text));
  return (
    <label>
      {label}
      <input
        className="panel-input panel-day"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('time.dayPlaceholder')}
        aria-invalid={invalid}
        title={invalid ? t('time.dayHint') : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = e.target.value.trim();
          if (next === '') onChange(null);
          else if (isDay(next) && inRange(next)) onChange(next);
        }}
      />
    </label>
  );
}
