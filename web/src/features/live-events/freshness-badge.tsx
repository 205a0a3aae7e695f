// The data-freshness badge: "updated 12 s ago", amber when late, red when stale, and
// "reconnecting" while the stream is down. data-level / data-status are for browser tests.
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { ageParts, freshnessOf } from './freshness.ts';
import type { LinkStatus } from './live-events.ts';
import { useNow } from '../../kit/use-now.ts';

export function FreshnessBadge({ status, heardAt }: { status: LinkStatus; heardAt: number | null }) {
  const { t } = useI18n();
  const now = useNow();
  const { level, ageMs } = freshnessOf(status, heardAt, now);
  let age = t('wall.connecting');
  if (ageMs !== null) {
    const { unit, n } = ageParts(ageMs);
    age =
      n < 2 && unit === 'seconds'
        ? t('wall.justNow')
        : t('wall.updated').replace('{age}', t(`wall.${unit}`).replace('{n}', String(n)));
  }
  return (
    <div className={`wall-badge wall-badge-${level}`} data-level={level} data-status={status} role="status">
      <span className="wall-badge-dot" aria-hidden="true" />
      <span>
        {status === 'down' ? t('wall.reconnecting') : status === 'live' ? t('wall.live') : t('wall.connecting')}
      </span>
      <span className="wall-badge-age">{age}</span>
    </div>
  );
}
