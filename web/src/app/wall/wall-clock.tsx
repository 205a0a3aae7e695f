// The wall's clock on the city's clocks (its zone from GET /api/config): date and a large hh:mm:ss.
import { cityTimeZone } from '@svm/contract/constants';
import { useMemo } from 'react';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useNow } from '../../kit/use-now.ts';

export function WallClock() {
  const { lang } = useI18n();
  const now = new Date(useNow());
  const zone = cityTimeZone();
  // formatters are built once per language, not once a second for days
  const formats = useMemo(
    () => ({
      date: new Intl.DateTimeFormat(lang, {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        weekday: 'short',
      }),
      time: new Intl.DateTimeFormat(lang, {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      }),
    }),
    [lang, zone],
  );
  const date = formats.date.format(now);
  const time = formats.time.format(now);
  return (
    <div className="wall-clock">
      <span className="wall-clock-date">{date}</span>
      <time className="wall-clock-time" dateTime={now.toISOString()}>
        {time}
      </time>
    </div>
  );
}
