// The ticker of the latest events, newest on top: a fixed number of rows (the live link keeps
// only that many), so the DOM does not grow however long the wall runs.
import type { EventDto } from '@svm/contract';
import { ACCEPTANCE_PARTIES, cityTimeZone, isOneOf } from '@svm/contract/constants';
import { useMemo } from 'react';
import { useI18n, type I18n } from '../../kit/i18n/i18n.tsx';

function detail(e: EventDto, { t, tn, lang }: I18n): string {
  const parts: string[] = [];
  if (e.hazardType && e.kind !== 'patrol_recorded') parts.push(lang === 'en' ? e.hazardType.nameEn : e.hazardType.name);
  if (e.acceptance) {
    const { party } = e.acceptance;
    parts.push(
      `${isOneOf(ACCEPTANCE_PARTIES, party) ? t(`party.${party}`) : party} ${t(e.acceptance.passed ? 'wall.passed' : 'wall.failed')}`,
    );
  }
  if (e.imported) {
    const rows = e.imported.inserted + e.imported.updated;
    parts.push(`${e.imported.kind} ${tn('wall.rows', rows, String(rows))}`);
  }
  return parts.join(' · ');
}

export function Ticker({
  events,
  townshipNames,
}: {
  events: readonly EventDto[];
  townshipNames: ReadonlyMap<number, string>;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  // the event times on the city's clocks
  const zone = cityTimeZone();
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(lang, {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      }),
    [lang, zone],
  );
  return (
    <section className="wall-ticker" aria-label={t('wall.ticker')}>
      <h2 className="wall-section-title">{t('wall.ticker')}</h2>
      {events.length === 0 && <p className="wall-ticker-empty">{t('wall.tickerEmpty')}</p>}
      <ol className="wall-ticker-list">
        {events.map((e) => (
          <li
            key={`${e.id}:${e.seq}`}
            className={`wall-event wall-event-${e.kind}`}
            data-kind={e.kind}
            data-event-id={e.id}
          >
            <time className="wall-event-time" dateTime={e.at}>
              {time.format(new Date(e.at))}
            </time>
            <span className="wall-event-kind">{t(`wall.event.${e.kind}`)}</span>
            <span className="wall-event-text">
              {e.venue?.name ?? ''}
              {e.townshipId !== null && townshipNames.has(e.townshipId) && (
                <span className="wall-event-place"> · {townshipNames.get(e.townshipId)}</span>
              )}
              {detail(e, i18n) && <span className="wall-event-detail"> · {detail(e, i18n)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
