// The city at a glance: how many townships, grid cells and active venues the map shows.
import type { TownshipCollection } from '@svm/server/contract';
import { useI18n } from '../../i18n/i18n.tsx';

export function TownshipSummary({ townships }: { townships: TownshipCollection }) {
  const { t, formatNumber } = useI18n();
  const all = townships.features.map((f) => f.properties);
  if (all.length === 0) return <div className="summary summary-empty">{t('summary.empty')}</div>;
  const cells = all.reduce((sum, p) => sum + p.gridCellCount, 0);
  const venues = all.reduce((sum, p) => sum + p.venueCount, 0);
  const items: [string, number][] = [
    [t('summary.townships'), all.length],
    [t('summary.gridCells'), cells],
    [t('summary.venues'), venues],
  ];
  return (
    <dl className="summary">
      {items.map(([label, value]) => (
        <div key={label} className="summary-item">
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
