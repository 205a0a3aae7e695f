// One headline figure with its week-on-week arrow (green when the change is good news).
import { useI18n } from '../../kit/i18n/i18n.tsx';
import type { WeekChange } from './week-change.ts';

export interface KpiTileProps {
  label: string;
  value: string;
  change: WeekChange;
  /** formats the size of the change, e.g. as percentage points or a count */
  formatDelta: (n: number) => string;
  /** a small marker after the value, e.g. "provisional" */
  marker?: { text: string; title: string } | undefined;
  /** the figure needs attention (drawn in the alert colour) */
  alert?: boolean;
}

export function KpiTile({ label, value, change, formatDelta, marker, alert }: KpiTileProps) {
  const { t } = useI18n();
  const { delta, good } = change;
  let trend = '';
  if (delta !== null)
    trend = delta === 0 ? `＝ ${t('kpi.noChange')}` : `${delta > 0 ? '▲' : '▼'} ${formatDelta(Math.abs(delta))}`;
  const tone = good === null ? 'flat' : good ? 'good' : 'bad';
  return (
    <div className={`panel-tile${alert ? ' panel-tile-alert' : ''}`} data-testid="kpi-tile">
      <div className="panel-tile-label">{label}</div>
      <div className="panel-tile-value">
        {value}
        {marker && (
          <span className="panel-tag" title={marker.title}>
            {marker.text}
          </span>
        )}
      </div>
      {trend && (
        <div className={`panel-tile-trend panel-trend-${tone}`} title={t('kpi.weekChange')}>
          {trend}
          {delta !== 0 && <span className="panel-muted"> {t('kpi.weekChange')}</span>}
        </div>
      )}
    </div>
  );
}
