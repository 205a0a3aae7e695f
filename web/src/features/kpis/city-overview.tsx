// view=city with nothing selected: the city's KPI tiles (the side panel lists the townships under them).
import { useQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useWindowParams } from '../../kit/state/use-window.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import { summaryQuery } from './kpis.queries.ts';

export function CityOverview() {
  const { t } = useI18n();
  const summary = useQuery(summaryQuery(useWindowParams(), null));
  return (
    <section className="panel-section" aria-labelledby="panel-city-title">
      <h2 id="panel-city-title" className="panel-title">
        {t('kpi.city')}
      </h2>
      <PanelStatus pending={summary.isPending} error={summary.error} onRetry={() => void summary.refetch()}>
        {summary.data && <KpiTiles summary={summary.data} />}
      </PanelStatus>
    </section>
  );
}
