// The KPI tiles' and acceptance holdups' strings, in zh-CN and English.

export const kpisZhCN = {
  'kpi.city': '全市概况',
  'kpi.unpatrolledCells': '未巡网格',
  'kpi.openHazards': '未销号隐患',
  'kpi.reboundRate': '隐患反弹率',
  'kpi.provisional': '暂定',
  'kpi.provisionalHint': '统计期结束不足一个反弹窗口，数值仍会变化',
  'kpi.misgraded': '定级偏低场所',
  'kpi.foundUnregistered': '巡查新发现未登记',
  'kpi.weekChange': '较上周',
  'kpi.noChange': '持平',
  'kpi.of': '共',
  'townshipPanel.delays': '验收卡点',
  'townshipPanel.waiting': '待验收',
  'townshipPanel.meanDays': '平均用时（天）',
  // hazards imported closed from a historic ledger without their rectification details: {n} is a count
  'kpi.skippedOverdue': '{n} 条未计',
  'kpi.skippedOverdueHint': '历史台账导入的已销号隐患没有整改期限，无法判断当时是否逾期，未计入逾期数',
  'kpi.skippedWaiting': '另有 {n} 条历史导入隐患缺少整改完成时间，未计入待验收',
  'kpi.skippedSignOffs': '另有 {n} 次验收所属隐患缺少整改完成时间（历史台账导入），未计入平均用时',
} as const;

export const kpisEn: Record<keyof typeof kpisZhCN, string> = {
  'kpi.city': 'City overview',
  'kpi.unpatrolledCells': 'Unpatrolled cells',
  'kpi.openHazards': 'Open hazards',
  'kpi.reboundRate': 'Rebound rate',
  'kpi.provisional': 'provisional',
  'kpi.provisionalHint': 'The period ended less than one rebound window ago; the figure can still change',
  'kpi.misgraded': 'Misgraded venues',
  'kpi.foundUnregistered': 'Found unregistered',
  'kpi.weekChange': 'vs last week',
  'kpi.noChange': 'no change',
  'kpi.of': 'of',
  'townshipPanel.delays': 'Who is holding closures up',
  'townshipPanel.waiting': 'waiting',
  'townshipPanel.meanDays': 'mean days',
  'kpi.skippedOverdue': '{n} not counted',
  'kpi.skippedOverdueHint':
    'Hazards imported closed from a historic ledger have no deadline on record: whether they were overdue then is unknown, so they are not counted',
  'kpi.skippedWaiting':
    'Not counted as waiting: {n} hazards imported closed from a historic ledger without a rectification time',
  'kpi.skippedSignOffs':
    'Not in the mean days: {n} sign-offs of hazards imported closed from a historic ledger without a rectification time',
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof kpisZhCN, string> {}
}
