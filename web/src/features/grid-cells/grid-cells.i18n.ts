// The grid cells' strings (the cell panel and a township's worst cells), in zh-CN and English.
import type { EnglishPlurals } from '../../kit/i18n/messages.ts';

export const gridCellsZhCN = {
  'panel.showAll': '显示全部',
  'townshipPanel.worstCells': '问题网格',
  'townshipPanel.unpatrolled': '本周未巡',
  'townshipPanel.neverPatrolled': '从未巡查',
  'townshipPanel.noWorker': '无网格员',
  'townshipPanel.overdueShare': '逾期场所占比',
  'townshipPanel.cellsEmpty': '该镇街没有网格',
  'cell.title': '网格',
  'cell.worker': '网格员',
  'cell.lastPatrol': '最近巡查',
  'cell.patrols': '最近巡查记录',
  'cell.patrolsEmpty': '没有巡查记录',
  'cell.overdueVenues': '逾期未巡场所',
  'cell.overdueVenuesEmpty': '没有逾期场所',
} as const;

export const gridCellsEn: Record<keyof typeof gridCellsZhCN, string> = {
  'panel.showAll': 'Show all',
  'townshipPanel.worstCells': 'Cells needing attention',
  'townshipPanel.unpatrolled': 'Not patrolled this week',
  'townshipPanel.neverPatrolled': 'never patrolled',
  'townshipPanel.noWorker': 'no grid worker',
  'townshipPanel.overdueShare': 'overdue venues',
  'townshipPanel.cellsEmpty': 'This township has no grid cells',
  'cell.title': 'Grid cell',
  'cell.worker': 'Grid worker',
  'cell.lastPatrol': 'Last patrol',
  'cell.patrols': 'Recent patrols',
  'cell.patrolsEmpty': 'No patrols recorded',
  'cell.overdueVenues': 'Overdue venues',
  'cell.overdueVenuesEmpty': 'No overdue venues',
};

// counted phrases: {n} is the count; zh-CN has one form, English a singular too
export const gridCellsPluralsZhCN = {
  'townshipPanel.daysSince': { other: '{n} 天前巡查' },
  'cell.daysOverdue': { other: '逾期 {n} 天' },
} as const;

export const gridCellsPluralsEn: EnglishPlurals<typeof gridCellsPluralsZhCN> = {
  'townshipPanel.daysSince': { one: 'patrolled {n} day ago', other: 'patrolled {n} days ago' },
  'cell.daysOverdue': { one: '{n} day overdue', other: '{n} days overdue' },
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof gridCellsZhCN, string> {}
  interface PluralMessages extends Record<keyof typeof gridCellsPluralsZhCN, unknown> {}
}
