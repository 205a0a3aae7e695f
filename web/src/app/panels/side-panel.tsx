// The right-hand column (a bottom sheet on a phone): venue search and the time window, then the
// selection's details, or the overview of the view (city or township), or the hazard ledger tab.
import './panels.css';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { TABS, useViewState, type ViewState } from '../../kit/state/view-state.ts';
import { CellPanel } from '../../features/grid-cells/cell-panel.tsx';
import { ClusterPanel } from '../../features/rebounds/cluster-panel.tsx';
import { CityOverview } from '../../features/kpis/city-overview.tsx';
import { Ledger } from '../../features/hazards/ledger.tsx';
import { VenueSearch } from '../../features/venues/venue-search.tsx';
import { TimeWindow } from '../../features/time-window/time-window.tsx';
import { TownshipList } from '../../features/townships/township-list.tsx';
import { TownshipPanel } from './township-panel.tsx';
import { VenuePanel } from '../../features/venues/venue-panel.tsx';

function Overview({ state }: { state: ViewState }) {
  const sel = state.selection;
  if (sel?.kind === 'cell') return <CellPanel key={sel.id} id={sel.id} />;
  if (sel?.kind === 'venue') return <VenuePanel key={sel.id} id={sel.id} />;
  if (sel?.kind === 'cluster') return <ClusterPanel key={sel.id} id={sel.id} />;
  const township = sel?.kind === 'township' ? sel.id : state.view === 'township' ? state.township : null;
  if (township) return <TownshipPanel key={township} township={township} />;
  return (
    <>
      <CityOverview />
      <TownshipList />
    </>
  );
}

export function SidePanel() {
  const { t } = useI18n();
  // the tab is in the URL; selecting something (e.g. a venue in the ledger) returns to overview
  const [state, update] = useViewState();
  const tab = state.tab;
  return (
    <aside className="panel" aria-label={t('panel.label')}>
      <VenueSearch />
      <TimeWindow />
      <div className="panel-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            className="panel-tab"
            aria-selected={tab === id}
            onClick={() => update({ tab: id })}
          >
            {t(id === 'overview' ? 'panel.tabOverview' : 'panel.tabLedger')}
          </button>
        ))}
      </div>
      {tab === 'ledger' ? <Ledger /> : <Overview state={state} />}
    </aside>
  );
}
