// The wall's KPI column for the tour's current place (the city, or the township shown): patrol
// compliance, unpatrolled cells, open and overdue hazards, rebound rate, found-unregistered.
// A figure that changes flashes once; data-kpi attributes are for browser tests.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { summaryQuery } from '../../features/kpis/kpis.queries.ts';
import { NO_WINDOW } from '../../kit/api/api.ts';
import { formatPercent } from '../../kit/format.ts';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import type { MessageKey } from '../../kit/i18n/messages.ts';

// the figures also move with time alone (a cell turns unpatrolled after 7 quiet days)
const REFRESH_MS = 5 * 60_000;

interface Figure {
  id: string;
  label: MessageKey;
  value: string;
  alert: boolean;
  note?: string | undefined;
}

function Tile({ figure }: { figure: Figure }) {
  const { t } = useI18n();
  return (
    <div className={`wall-kpi${figure.alert ? ' wall-kpi-alert' : ''}`} data-kpi={figure.id}>
      <div className="wall-kpi-label">{t(figure.label)}</div>
      {/* keyed by value: a new figure remounts and plays the flash once */}
      <div key={figure.value} className="wall-kpi-value">
        {figure.value}
      </div>
      {figure.note && <div className="wall-kpi-note">{figure.note}</div>}
    </div>
  );
}

export function KpiColumn({ township, title }: { township: number | null; title: string }) {
  const { t, lang, formatNumber } = useI18n();
  // the last place's figures stay (dimmed) until this place's arrive, so the column never empties
  const summary = useQuery({
    ...summaryQuery(NO_WINDOW, township),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const k = summary.data?.kpis;
  const figures: Figure[] = k
    ? [
        {
          id: 'compliance',
          label: 'kpi.compliance',
          value: formatPercent(lang, k.patrolCompliance),
          alert: (k.patrolCompliance ?? 1) < 0.8,
        },
        {
          id: 'unpatrolled',
          label: 'kpi.unpatrolledCells',
          value: formatNumber(k.cells.unpatrolled),
          alert: k.cells.unpatrolled > 0,
          note: `${t('kpi.of')} ${formatNumber(k.cells.total)}`,
        },
        { id: 'open', label: 'kpi.openHazards', value: formatNumber(k.hazards.open), alert: false },
        {
          id: 'overdue',
          label: 'kpi.overdueHazards',
          value: formatNumber(k.hazards.overdue),
          alert: k.hazards.overdue > 0,
        },
        {
          id: 'rebound',
          label: 'kpi.reboundRate',
          value: formatPercent(lang, k.rebound.rate),
          alert: false,
          note: k.rebound.provisional ? t('kpi.provisional') : undefined,
        },
        {
          id: 'unregistered',
          label: 'kpi.foundUnregistered',
          value: formatNumber(k.venues.foundUnregistered),
          alert: false,
        },
      ]
    : [];
  return (
    <section
      className={`wall-kpis${summary.isPlaceholderData ? ' wall-kpis-loading' : ''}`}
      aria-label={t('wall.kpis')}
      data-township={township ?? 'city'}
    >
      <h2 className="wall-section-title">{title}</h2>
      <div className="wall-kpi-grid">
        {figures.map((f) => (
          <Tile key={f.id} figure={f} />
        ))}
      </div>
    </section>
  );
}
