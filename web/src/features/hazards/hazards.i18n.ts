// The hazards' strings (the ledger and a township's overdue hazards), in zh-CN and English.
import type { EnglishPlurals } from '../../kit/i18n/messages.ts';

export const hazardsZhCN = {
  'townshipPanel.overdueHazards': '逾期隐患',
  'townshipPanel.hazardsEmpty': '没有逾期隐患',
  'ledger.title': '隐患台账',
  'ledger.all': '全部',
  'ledger.status': '状态',
  'ledger.overdue': '仅逾期',
  'ledger.rebound': '仅反弹',
  'ledger.type': '隐患类型代码',
  'ledger.party': '待验收方',
  'ledger.export': '导出 CSV',
  'ledger.loadMore': '加载更多',
  'ledger.empty': '没有符合条件的隐患',
  'ledger.venue': '场所',
  'ledger.hazardType': '隐患',
  'ledger.found': '发现',
  'ledger.township': '镇街',
} as const;

export const hazardsEn: Record<keyof typeof hazardsZhCN, string> = {
  'townshipPanel.overdueHazards': 'Overdue hazards',
  'townshipPanel.hazardsEmpty': 'No overdue hazards',
  'ledger.title': 'Hazard ledger',
  'ledger.all': 'all',
  'ledger.status': 'Status',
  'ledger.overdue': 'overdue only',
  'ledger.rebound': 'rebounds only',
  'ledger.type': 'Hazard type code',
  'ledger.party': 'Waiting for',
  'ledger.export': 'Export CSV',
  'ledger.loadMore': 'Load more',
  'ledger.empty': 'No hazard matches these filters',
  'ledger.venue': 'Venue',
  'ledger.hazardType': 'Hazard',
  'ledger.found': 'found',
  'ledger.township': 'Township',
};

// counted phrases: {n} is the count; zh-CN has one form, English a singular too
export const hazardsPluralsZhCN = {
  'ledger.rows': { other: '{n} 条' },
} as const;

export const hazardsPluralsEn: EnglishPlurals<typeof hazardsPluralsZhCN> = {
  'ledger.rows': { one: '{n} row', other: '{n} rows' },
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof hazardsZhCN, string> {}
  interface PluralMessages extends Record<keyof typeof hazardsPluralsZhCN, unknown> {}
}
