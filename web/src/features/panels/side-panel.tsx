// The right-hand column (a bottom sheet on a phone): the time window, venue search, then the
// overview of the view or the selection's details, and the hazard ledger as a second tab.
import './panels.css';
import { useI18n } from '../../i18n/i18n.tsx';
import { CityOverview } from '../kpis/city-overview.tsx';

export function SidePanel() {
  const { t } = useI18n();
  return (
    <aside className="panel" aria-label={t('panel.label')}>
      <CityOverview />
    </aside>
  );
}
