// Words every part of the app shows (the product's name, the language switch, loading and
// error states) in zh-CN and English.

export const commonZhCN = {
  'panel.loading': '正在加载…',
  'panel.empty': '暂无数据',
  'panel.close': '关闭',
  'app.title': '社会面小场所安全治理 · 态势地图',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Switch to English',
  'status.loading': '正在加载地图数据…',
  'status.errorTitle': '数据加载失败',
  'status.retry': '重试',
} as const;

export const commonEn: Record<keyof typeof commonZhCN, string> = {
  'panel.loading': 'Loading…',
  'panel.empty': 'No data',
  'panel.close': 'Close',
  'app.title': 'Small-Venue Safety Governance · Situation Map',
  'app.switchLanguage': '中文',
  'app.switchLanguageLabel': '切换到中文',
  'status.loading': 'Loading map data…',
  'status.errorTitle': 'Could not load the data',
  'status.retry': 'Retry',
};

declare module './messages.ts' {
  interface Messages extends Record<keyof typeof commonZhCN, string> {}
}
