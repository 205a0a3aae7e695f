// Every string the UI shows, one dictionary per language; English must have every key zh-CN has.
import { panelsEn, panelsZhCN } from '../features/panels/panels.i18n.ts';
import { mapEn, mapZhCN } from '../map/map.i18n.ts';
import { wallEn, wallZhCN } from '../wall/wall.i18n.ts';
import { authEn, authZhCN } from '../auth/auth.i18n.ts';
export const zhCN = {
  'app.title': '社会面小场所安全治理 · 态势地图',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Switch to English',
  'status.loading': '正在加载地图数据…',
  'status.errorTitle': '数据加载失败',
  'status.retry': '重试',
  'map.label': '态势地图',
  // side panels (KPIs, time window, township/cell/venue/cluster panels, ledger, search)
  ...panelsZhCN,
  // the map (layer switcher, views, legend)
  ...mapZhCN,
  // export-png: the "export the current view as a PNG" button and the image's words
  'export.button': '导出图片',
  'export.busy': '正在导出…',
  'export.failed': '导出失败，请重试',
  'export.exportedAt': '导出时间',
  // the wall display (/wall)
  ...wallZhCN,
  // sign-in (auth.*)
  ...authZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Record<MessageKey, string>;

export const en: Dictionary = {
  // side panels (KPIs, time window, township/cell/venue/cluster panels, ledger, search)
  ...panelsEn,
  // the map (layer switcher, views, legend)
  ...mapEn,
  // export-png: the "export the current view as a PNG" button and the image's words
  'export.button': 'Export PNG',
  'export.busy': 'Exporting…',
  'export.failed': 'Export failed, try again',
  'export.exportedAt': 'Exported',
  // the wall display (/wall)
  ...wallEn,
  // sign-in (auth.*)
  ...authEn,
  'app.title': 'Small-Venue Safety Governance · Situation Map',
  'app.switchLanguage': '中文',
  'app.switchLanguageLabel': '切换到中文',
  'status.loading': 'Loading map data…',
  'status.errorTitle': 'Could not load the data',
  'status.retry': 'Retry',
  'map.label': 'Situation map',
};

export type Lang = 'zh-CN' | 'en';
export const dictionaries: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };
