// What an exported PNG says: file name, title bar text, legend entries and footer for a view
// state, in the current language. Pure, so it is tested without a canvas.
import { cityTimeZone, dayOf, zoneOffsetMs } from '@svm/contract/constants';
import {
  GAP_COLOR,
  UNMATCHED_COLOR,
  UNREGISTERED_DOMAIN,
  UNREGISTERED_RAMP,
} from '../../features/blind-spots/blind-spots.layer.ts';
import { PATROL_AGE_BINS } from '../../features/grid-cells/grid-cells.layer.ts';
import { DENSITY_DOMAIN, densityColor } from '../../features/heatmap/heatmap.layer.ts';
import { REBOUND_COLOR } from '../../features/rebounds/rebounds.layer.ts';
import { RISK_COLORS } from '../../features/venues/venues.layer.ts';
import { addDays } from '../../features/time-window/presets.ts';
import { formatDay } from '../../kit/format.ts';
import type { Lang, MessageKey } from '../../kit/i18n/messages.ts';
import { rampColor, toCss, type Rgba } from '../../kit/map/color-scale.ts';
import type { LayerId, ViewState } from '../../kit/state/view-state.ts';

export interface LegendEntry {
  label: string;
  color: string;
  /** drawn as a frame (outlined areas) rather than a filled square */
  outline?: boolean;
  /** a colour ramp, low to high, drawn as a bar instead of a square */
  ramp?: string[];
  /** a caption for the entries after it: text only, no swatch */
  caption?: boolean;
  /** a point-style swatch as the map draws it: a ring, a hollow dot, a filled dot, or a dashed line */
  mark?: 'ring' | 'hollow' | 'dot' | 'dashed';
}
export interface ExportContent {
  title: string;
  subtitle: string;
  legend: LegendEntry[];
  footer: string;
}
type T = (key: MessageKey) => string;

const pad = (n: number) => String(n).padStart(2, '0');
const opaque = ([r, g, b]: Rgba): string => toCss([r, g, b, 255]);

/** 态势图-YYYYMMDD-HHmm.png on the city's clocks (wherever the browser is). */
export function exportFilename(now: Date): string {
  const zone = cityTimeZone();
  const day = dayOf(now, zone).replaceAll('-', '');
  const local = new Date(now.getTime() + zoneOffsetMs(now, zone));
  return `态势图-${day}-${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}.png`;
}

/** The time window (the default, or from – last day inclusive) and the as-of day or "now". */
export function exportSubtitle(state: ViewState, township: string | null, t: T, lang: Lang): string {
  const window =
    state.from && state.to
      ? `${formatDay(lang, state.from)} – ${formatDay(lang, addDays(state.to, -1))}`
      : t('time.default');
  const asOf = state.asOf ? formatDay(lang, state.asOf) : t('time.live');
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return [township, `${t('time.title')}${colon}${window}`, `${t('time.asOf')}${colon}${asOf}`]
    .filter(Boolean)
    .join('  ·  ');
}

/** One or more colour entries per visible layer, the same colours the map and legend use. */
export function exportLegend(layers: readonly LayerId[], t: T): LegendEntry[] {
  const entries: Record<LayerId, LegendEntry[]> = {
    heatmap: [
      {
        label: `${t('layers.heatmap')} · ${t('legend.heatmapUnit')}`,
        color: opaque(densityColor(DENSITY_DOMAIN[1])),
        ramp: [0.001, 0.01, 0.1, 1].map((s) => opaque(densityColor(DENSITY_DOMAIN[1] * s))),
      },
    ],
    venues: [
      { label: t('legend.high'), color: RISK_COLORS.high },
      { label: t('legend.medium'), color: RISK_COLORS.medium },
      { label: t('legend.low'), color: RISK_COLORS.low },
      { label: t('legend.misgraded'), color: '#5b21b6', mark: 'ring' },
      { label: t('legend.unregistered'), color: RISK_COLORS.medium, mark: 'hollow' },
    ],
    'grid-cells': [
      { label: `${t('layers.grid-cells')} · ${t('legend.days')}`, color: '', caption: true },
      ...PATROL_AGE_BINS.map((b) => ({ label: b.max === null ? t('legend.never') : b.key, color: opaque(b.color) })),
      { label: t('legend.noWorker'), color: '#282828', mark: 'dashed' },
    ],
    unpatrolled: [{ label: t('legend.unpatrolled'), color: 'rgb(200, 16, 46)', outline: true }],
    rebounds: [
      { label: t('legend.rebounds'), color: `rgb(${REBOUND_COLOR.join(', ')})`, outline: true },
      { label: t('legend.reboundHazard'), color: `rgb(${REBOUND_COLOR.join(', ')})`, mark: 'dot' },
    ],
    'blind-spots': [
      { label: t('legend.gaps'), color: opaque(GAP_COLOR) },
      { label: t('legend.unmatched'), color: opaque(UNMATCHED_COLOR) },
      {
        label: t('legend.unregisteredDensity'),
        color: opaque(rampColor(UNREGISTERED_DOMAIN[1], UNREGISTERED_DOMAIN, UNREGISTERED_RAMP)),
        ramp: [0, 0.25, 0.5, 1].map((s) =>
          opaque(rampColor(UNREGISTERED_DOMAIN[1] * s, UNREGISTERED_DOMAIN, UNREGISTERED_RAMP)),
        ),
      },
    ],
  };
  return layers.flatMap((id) => entries[id]);
}

export function exportContent(state: ViewState, township: string | null, t: T, lang: Lang, now: Date): ExportContent {
  const stamp = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: cityTimeZone(),
  }).format(now);
  return {
    title: t('app.title'),
    subtitle: exportSubtitle(state, township, t, lang),
    legend: exportLegend(state.layers, t),
    footer: `${t('export.exportedAt')} ${stamp}`,
  };
}
