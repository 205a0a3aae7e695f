// The legend: one section for every visible layer, colours taken from the layers' own scales.
import {
  GAP_COLOR,
  UNMATCHED_COLOR,
  UNREGISTERED_DOMAIN,
  UNREGISTERED_RAMP,
} from '../../features/blind-spots/blind-spots.layer.ts';
import { PATROL_AGE_BINS } from '../../features/grid-cells/grid-cells.layer.ts';
import { DENSITY_DOMAIN, HEATMAP_MAX_ZOOM, densityColor } from '../../features/heatmap/heatmap.layer.ts';
import { REBOUND_COLOR } from '../../features/rebounds/rebounds.layer.ts';
import { RISK_COLORS, VENUE_MIN_ZOOM } from '../../features/venues/venues.layer.ts';
import { VENUE_CLUSTER_COLOR } from '../../features/venues/venue-clusters.layer.ts';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { logRampValue, rampColor, toCss, type Rgba } from '../../kit/map/color-scale.ts';
import { useNarrowScreen } from '../use-narrow-screen.ts';
import type { LayerId } from '../../kit/state/view-state.ts';
import { LegendSwatch } from './legend-swatch.tsx';

const opaque = ([r, g, b]: Rgba): Rgba => [r, g, b, 255];
const gradient = (colors: Rgba[]) => `linear-gradient(to right, ${colors.map(toCss).join(', ')})`;

function Ramp({ colors, ticks }: { colors: Rgba[]; ticks: string[] }) {
  return (
    <li className="legend-ramp">
      <span className="legend-ramp-bar" style={{ background: gradient(colors) }} aria-hidden="true" />
      <span className="legend-ramp-ends">
        {ticks.map((tick) => (
          <span key={tick}>{tick}</span>
        ))}
      </span>
    </li>
  );
}

export function Legend({ layers, zoom }: { layers: readonly LayerId[]; zoom: number }) {
  const { t, formatNumber } = useI18n();
  const narrow = useNarrowScreen();
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const sections: Record<LayerId, React.ReactNode> = {
    heatmap: (
      <>
        <Ramp
          colors={steps.map((s) => densityColor(logRampValue(s, DENSITY_DOMAIN)))}
          ticks={['0', '10', '100', `${formatNumber(DENSITY_DOMAIN[1])}+`]}
        />
        <li className="legend-note">{t('legend.heatmapUnit')}</li>
        {zoom >= HEATMAP_MAX_ZOOM && <li className="legend-note">{t('legend.heatmapZoom')}</li>}
      </>
    ),
    venues: (
      <>
        <LegendSwatch kind="point" color={RISK_COLORS.high} label={t('legend.high')} />
        <LegendSwatch kind="point" color={RISK_COLORS.medium} label={t('legend.medium')} />
        <LegendSwatch kind="point" color={RISK_COLORS.low} label={t('legend.low')} />
        <LegendSwatch kind="ring" color="#5b21b6" label={t('legend.misgraded')} />
        <LegendSwatch kind="hollow" color={RISK_COLORS.medium} label={t('legend.unregistered')} />
        {zoom < VENUE_MIN_ZOOM && (
          <LegendSwatch kind="fill" color={toCss([...VENUE_CLUSTER_COLOR, 255])} label={t('legend.venuesZoom')} />
        )}
      </>
    ),
    'grid-cells': (
      <>
        <li className="legend-note">{t('legend.days')}</li>
        <li className="legend-bins">
          {PATROL_AGE_BINS.map((b) => (
            <span key={b.key} className="legend-bin">
              <span className="legend-swatch" style={{ background: toCss(opaque(b.color)) }} aria-hidden="true" />
              {b.max === null ? t('legend.never') : b.key}
            </span>
          ))}
        </li>
        <LegendSwatch kind="dashed" color="#282828" label={t('legend.noWorker')} />
      </>
    ),
    unpatrolled: <LegendSwatch kind="outline" color="rgb(200, 16, 46)" label={t('legend.unpatrolled')} />,
    rebounds: (
      <>
        <LegendSwatch kind="outline" color={`rgb(${REBOUND_COLOR.join(', ')})`} label={t('legend.rebounds')} />
        <LegendSwatch kind="point" color={`rgb(${REBOUND_COLOR.join(', ')})`} label={t('legend.reboundHazard')} />
      </>
    ),
    'blind-spots': (
      <>
        <LegendSwatch kind="hatched" color={toCss(GAP_COLOR)} label={t('legend.gaps')} />
        <li className="legend-note">{t('legend.unregisteredDensity')}</li>
        <Ramp
          colors={steps.map((s) => rampColor(UNREGISTERED_DOMAIN[1] * s, UNREGISTERED_DOMAIN, UNREGISTERED_RAMP))}
          ticks={['0', `${UNREGISTERED_DOMAIN[1]}+`]}
        />
        <LegendSwatch kind="hollow" color={toCss(UNMATCHED_COLOR)} label={t('legend.unmatched')} />
      </>
    ),
  };
  if (layers.length === 0) return null;
  return (
    <aside className="map-card legend" aria-label={t('legend.label')}>
      {/* folded on a phone, where it would cover most of the map */}
      <details open={!narrow}>
        <summary className="map-card-summary">{t('legend.label')}</summary>
        {layers.map((id) => (
          <section key={id} className="legend-section" data-layer={id}>
            <h3 className="legend-title">{t(`layers.${id}`)}</h3>
            <ul className="legend-list">{sections[id]}</ul>
          </section>
        ))}
      </details>
    </aside>
  );
}
