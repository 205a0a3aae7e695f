// The "export the current view as a PNG" button and the image's words, in zh-CN and English.

export const exportPngZhCN = {
  'export.button': '导出图片',
  'export.busy': '正在导出…',
  'export.failed': '导出失败，请重试',
  'export.exportedAt': '导出时间',
} as const;

export const exportPngEn: Record<keyof typeof exportPngZhCN, string> = {
  'export.button': 'Export PNG',
  'export.busy': 'Exporting…',
  'export.failed': 'Export failed, try again',
  'export.exportedAt': 'Exported',
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof exportPngZhCN, string> {}
}
