// The wall's clock in Beijing time: date and a large hh:mm:ss.
import { useMemo } from 'react';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useNow } from '../../kit/use-now.ts';

const TIME_ZONE = 'Asia/Shanghai';

export function WallClock() {
  const { lang } = useI18n();
  const now = new Date(useNow());
  // formatters are built once per language, not once a second for days
  const formats = useMemo(
    () => ({
      date: new Intl.DateTimeFormat(lang, {
        timeZone: TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        weekday: 'short',
      }),
      time: new Intl.DateTimeFormat(lang, {
        timeZone: TIME_ZONE,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      }),
    }),
    [lang],
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
