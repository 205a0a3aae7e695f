// The period (from/to with presets) and the as-of day that replays the past, bound to the URL.
import { useState } from 'react';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useViewState } from '../../kit/state/view-state.ts';
import { formatDay } from '../../kit/format.ts';
import { DayInput } from './day-input.tsx';
import { activePreset, addDays, PRESETS, presetWindow, todayInCity } from './presets.ts';

const PRESET_KEYS = { week: 'time.week', month: 'time.month', quarter: 'time.quarter' } as const;

export function TimeWindow({ now }: { now?: Date }) {
  const { t, lang } = useI18n();
  const [state, update] = useViewState();
  const today = state.asOf ?? todayInCity(now);
  // folded on a phone, where the bottom sheet has little room
  const [openAtStart] = useState(() => !globalThis.matchMedia?.('(max-width: 640px)').matches);
  const active = activePreset(state.from, state.to, today);
  // `to` is exclusive in the URL and the API; the input shows the last day included
  const toInclusive = state.to ? addDays(state.to, -1) : '';
  return (
    <details className="panel-time" open={openAtStart}>
      <summary className="panel-time-summary">
        {t('time.title')}{' '}
        {state.from || state.to
          ? `${state.from ? formatDay(lang, state.from) : '…'} – ${toInclusive ? formatDay(lang, toInclusive) : '…'}`
          : t('time.default')}
        {' · '}
        {t('time.asOf')} {state.asOf ? formatDay(lang, state.asOf) : t('time.live')}
      </summary>
      <fieldset className="panel-fieldset" aria-label={t('time.title')}>
        <div className="panel-row">
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className="panel-button"
              aria-pressed={active === p}
              onClick={() => update(presetWindow(p, today))}
            >
              {t(PRESET_KEYS[p])}
            </button>
          ))}
        </div>
        <div className="panel-row">
          <DayInput
            label={t('time.from')}
            value={state.from}
            max={toInclusive || undefined}
            onChange={(from) => update({ from })}
          />
          <DayInput
            label={t('time.to')}
            value={toInclusive || null}
            min={state.from ?? undefined}
            onChange={(day) => update({ to: day ? addDays(day, 1) : null })}
          />
        </div>
        <div className="panel-row">
          <DayInput
            label={t('time.asOf')}
            value={state.asOf}
            max={todayInCity(now)}
            onChange={(asOf) => update({ asOf })}
          />
          {state.asOf ? (
            <button type="button" className="panel-button" onClick={() => update({ asOf: null })}>
              {t('time.now')}
            </button>
          ) : (
            <span className="panel-tag panel-tag-ok">{t('time.live')}</span>
          )}
        </div>
        {state.asOf && (
          <div className="panel-replay" role="status">
            {t('time.replaying')}
            {formatDay(lang, state.asOf)}
          </div>
        )}
      </fieldset>
    </details>
  );
}
