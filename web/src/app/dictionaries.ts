// Every string the UI shows, one dictionary per language, put together from each module's
// *.i18n.ts; a module left out here, or an English string missing, fails to compile.
import type { Catalog, Dictionary, Lang, PluralDictionary, PluralKey } from '../kit/i18n/messages.ts';
import { commonEn, commonZhCN } from '../kit/i18n/common.i18n.ts';
import { glossaryEn, glossaryZhCN } from '../kit/i18n/glossary.i18n.ts';
import { authEn, authZhCN } from '../features/auth/auth.i18n.ts';
import {
  gridCellsEn,
  gridCellsPluralsEn,
  gridCellsPluralsZhCN,
  gridCellsZhCN,
} from '../features/grid-cells/grid-cells.i18n.ts';
import { hazardsEn, hazardsPluralsEn, hazardsPluralsZhCN, hazardsZhCN } from '../features/hazards/hazards.i18n.ts';
import { kpisEn, kpisZhCN } from '../features/kpis/kpis.i18n.ts';
import {
  liveEventsEn,
  liveEventsPluralsEn,
  liveEventsPluralsZhCN,
  liveEventsZhCN,
} from '../features/live-events/live-events.i18n.ts';
import { reboundsEn, reboundsZhCN } from '../features/rebounds/rebounds.i18n.ts';
import { timeWindowEn, timeWindowZhCN } from '../features/time-window/time-window.i18n.ts';
import { townshipsEn, townshipsZhCN } from '../features/townships/townships.i18n.ts';
import { venuesEn, venuesZhCN } from '../features/venues/venues.i18n.ts';
import { exportPngEn, exportPngZhCN } from '../map/export-png/export-png.i18n.ts';
import { mapEn, mapZhCN } from '../map/map.i18n.ts';
import { appEn, appZhCN } from './app.i18n.ts';
import { wallEn, wallPluralsEn, wallPluralsZhCN, wallZhCN } from './wall/wall.i18n.ts';

export const zhCN: Dictionary = {
  ...commonZhCN,
  ...glossaryZhCN,
  ...appZhCN,
  // side panels (KPIs, time window, township/cell/venue/cluster panels, ledger, search)
  ...timeWindowZhCN,
  ...kpisZhCN,
  ...townshipsZhCN,
  ...gridCellsZhCN,
  ...venuesZhCN,
  ...reboundsZhCN,
  ...hazardsZhCN,
  // the map (layer switcher, views, legend) and its PNG export
  ...mapZhCN,
  ...exportPngZhCN,
  // the wall display (/wall)
  ...liveEventsZhCN,
  ...wallZhCN,
  // sign-in (auth.*)
  ...authZhCN,
};

export const en: Dictionary = {
  ...commonEn,
  ...glossaryEn,
  ...appEn,
  ...timeWindowEn,
  ...kpisEn,
  ...townshipsEn,
  ...gridCellsEn,
  ...venuesEn,
  ...reboundsEn,
  ...hazardsEn,
  ...mapEn,
  ...exportPngEn,
  ...liveEventsEn,
  ...wallEn,
  ...authEn,
};

export const zhCNPlurals: PluralDictionary = {
  ...gridCellsPluralsZhCN,
  ...hazardsPluralsZhCN,
  ...liveEventsPluralsZhCN,
  ...wallPluralsZhCN,
};
export const enPlurals: Record<PluralKey, { one: string; other: string }> = {
  ...gridCellsPluralsEn,
  ...hazardsPluralsEn,
  ...liveEventsPluralsEn,
  ...wallPluralsEn,
};

export const dictionaries: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };
export const catalogs: Record<Lang, Catalog> = {
  'zh-CN': { messages: zhCN, plurals: zhCNPlurals },
  en: { messages: en, plurals: enPlurals },
};
