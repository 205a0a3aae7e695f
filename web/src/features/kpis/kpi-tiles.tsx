// The headline KPIs of the city or a township, each with its change against the week before.
import type { StatsSummaryDto } from '@svm/contract';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { formatPercent } from '../../kit/format.ts';
import { KpiTile } from './kpi-tile.tsx';
import { weekChange } from './week-change.ts';

export function KpiTiles({ summary }: { summary: StatsSummaryDto }) {
  const { t, lang, formatNumber } = useI18n();
  const { kpis, trend } = summary;
  const pct = (n: number) => formatPercent(lang, n);
  const count = (n: number) => formatNumber(n);
  return (
    <div className="panel-tiles">
      <KpiTile
        label={t('kpi.compliance')}
        value={formatPercent(lang, kpis.patrolCompliance)}
        change={weekChange(trend, (k) => k.patrolCompliance, true)}
        formatDelta={pct}
      />
      <KpiTile
        label={t('kpi.unpatrolledCells')}
        value={`${formatNumber(kpis.cells.unpatrolled)} / ${formatNumber(kpis.cells.total)}`}
        change={weekChange(trend, (k) => k.cells.unpatrolled)}
        formatDelta={count}
        alert={kpis.cells.unpatrolled > 0}
      />
      <KpiTile
        label={t('kpi.openHazards')}
        value={formatNumber(kpis.hazards.open)}
        change={weekChange(trend, (k) => k.hazards.open)}
        formatDelta={count}
      />
      <KpiTile
        label={t('kpi.overdueHazards')}
        value={formatNumber(kpis.hazards.overdue)}
        change={weekChange(trend, (k) => k.hazards.overdue)}
        formatDelta={count}
        alert={kpis.hazards.overdue > 0}
        marker={
          kpis.skipped.overdue > 0
            ? {
                text: t('kpi.skippedOverdue').replace('{n}', formatNumber(kpis.skipped.overdue)),
                title: t('kpi.skippedOverdueHint'),
              }
            : undefined
        }
      />
      <KpiTile
        label={t('kpi.reboundRate')}
        value={formatPercent(lang, kpis.rebound.rate)}
        change={weekChange(trend, (k) => k.rebound.rate)}
        formatDelta={pct}
        marker={kpis.rebound.provisional ? { text: t('kpi.provisional'), title: t('kpi.provisionalHint') } : undefined}
      />
      <KpiTile
        label={t('kpi.misgraded')}
        value={formatNumber(kpis.venues.misgraded)}
        change={weekChange(trend, (k) => k.venues.misgraded)}
        formatDelta={count}
      />
      <KpiTile
        label={t('kpi.foundUnregistered')}
        value={formatNumber(kpis.venues.foundUnregistered)}
        change={weekChange(trend, (k) => k.venues.foundUnregistered)}
        formatDelta={count}
      />
    </div>
  );
}
