// view=township: the township's KPIs, its worst cells, overdue hazards and acceptance holdups
// (composed from the townships, kpis, grid-cells and hazards features).
import { useQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useViewState } from '../../kit/state/view-state.ts';
import { KpiTiles } from '../../features/kpis/kpi-tiles.tsx';
import { summaryQuery } from '../../features/kpis/kpis.queries.ts';
import { useWindowParams } from '../../kit/state/use-window.ts';
import { AcceptanceDelays } from '../../features/kpis/acceptance-delays.tsx';
import { OverdueHazardsList } from '../../features/hazards/overdue-hazards-list.tsx';
import { townshipsQuery } from '../../features/townships/townships.queries.ts';
import { WorstCellsList } from '../../features/grid-cells/worst-cells-list.tsx';
import { cellsAllowed } from '../../kit/account/allowed-layers.ts';
import { useMe } from '../../kit/account/me-context.tsx';

export function TownshipPanel({ township }: { township: number }) {
  const { t, lang } = useI18n();
  const [, update] = useViewState();
  const me = useMe();
  const window = useWindowParams();
  const townships = useQuery(townshipsQuery(window));
  const summary = useQuery(summaryQuery(window, township));
  const props = townships.data?.features.find((f) => f.properties.id === township)?.properties;
  const name = props ? (lang === 'en' ? props.nameEn : props.name) : '…';
  return (
    <section className="panel-section" aria-labelledby="panel-township-title">
      <div className="panel-header">
        <h2 id="panel-township-title" className="panel-title">
          {name}
        </h2>
        <button
          type="button"
          className="panel-button"
          onClick={() => update({ view: 'city', township: null, selection: null })}
        >
          ← {t('panel.back')}
        </button>
      </div>
      <PanelStatus pending={summary.isPending} error={summary.error} onRetry={() => void summary.refetch()}>
        {summary.data && <KpiTiles summary={summary.data} />}
      </PanelStatus>
      {cellsAllowed(me) && <WorstCellsList township={township} />}
      <OverdueHazardsList township={township} />
      {summary.data && (
        <AcceptanceDelays delays={summary.data.kpis.acceptanceDelays} skipped={summary.data.kpis.skipped} />
      )}
    </section>
  );
}
