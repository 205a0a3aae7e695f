// The ticker of the latest events, newest on top: a fixed number of rows (the live link keeps
// only that many), so the DOM does not grow however long the wall runs.
import type { EventDto } from '@svm/contract';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionaries.ts';

const TIME_ZONE = 'Asia/Shanghai';
const PARTY: Partial<Record<string, MessageKey>> = {
  territorial: 'party.territorial', industry: 'party.industry', special: 'party.special', on_the_spot: 'party.on_the_spot',
};

function detail(e: EventDto, t: (key: MessageKey) => string, lang: string): string {
  const parts: string[] = [];
  if (e.hazardType && e.kind !== 'patrol_recorded') parts.push(lang === 'en' ? e.hazardType.nameEn : e.hazardType.name);
  if (e.acceptance) {
    const party = PARTY[e.acceptance.party];
    parts.push(`${party ? t(party) : e.acceptance.party} ${t(e.acceptance.passed ? 'wall.passed' : 'wall.failed')}`);
  }
  if (e.imported) parts.push(`${e.imported.kind} ${t('wall.rows').replace('{n}', String(e.imported.inserted + e.imported.updated))}`);
  return parts.join(' · ');
}


export function Ticker({ events, townshipNames }: { events: readonly EventDto[]; townshipNames: ReadonlyMap<number, string> }) {
  const { t, lang } = useI18n();
  const time = useMemo(() => new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }), [lang]);
  return (
    <section className="wall-ticker" aria-label={t('wall.ticker')}>
      <h2 className="wall-section-title">{t('wall.ticker')}</h2>
      {events.length === 0 && <p className="wall-ticker-empty">{t('wall.tickerEmpty')}</p>}
      <ol className="wall-ticker-list">
        {events.map((e) => (
          <li key={`${e.id}:${e.seq}`} className={`wall-event wall-event-${e.kind}`} data-kind={e.kind} data-event-id={e.id}>
            <time className="wall-event-time" dateTime={e.at}>{time.format(new Date(e.at))}</time>
            <span className="wall-event-kind">{t(`wall.event.${e.kind}`)}</span>
            <span className="wall-event-text">
              {e.venue?.name ?? ''}
              {e.townshipId !== null && townshipNames.has(e.townshipId) && <span className="wall-event-place"> · {townshipNames.get(e.townshipId)}</span>}
              {detail(e, t, lang) && <span className="wall-event-detail"> · {detail(e, t, lang)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
