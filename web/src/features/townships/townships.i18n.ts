// The township list's strings, in zh-CN and English.

export const townshipsZhCN = {
  'townshipList.title': '镇街排名',
  'townshipList.sortBy': '排序',
  'townshipList.byCompliance': '按达标率',
  'townshipList.byOverdue': '按逾期隐患',
  'townshipList.empty': '尚无镇街数据',
} as const;

export const townshipsEn: Record<keyof typeof townshipsZhCN, string> = {
  'townshipList.title': 'Townships',
  'townshipList.sortBy': 'Sort',
  'townshipList.byCompliance': 'by compliance',
  'townshipList.byOverdue': 'by overdue hazards',
  'townshipList.empty': 'No townships yet',
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof townshipsZhCN, string> {}
}
