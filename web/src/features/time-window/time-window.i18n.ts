// The time window's strings (period presets, days, the as-of replay), in zh-CN and English.

export const timeWindowZhCN = {
  'time.title': '统计时段',
  'time.from': '起',
  'time.to': '止',
  'time.week': '本周',
  'time.month': '本月',
  'time.quarter': '本季度',
  'time.asOf': '回看日期',
  'time.dayPlaceholder': '年-月-日',
  'time.dayHint': '请输入日期，如 2026-11-30（不晚于今天，起不晚于止）',
  'time.now': '回到当前',
  'time.live': '当前',
  'time.default': '近 90 天',
  'time.replaying': '正在回看历史：',
} as const;

export const timeWindowEn: Record<keyof typeof timeWindowZhCN, string> = {
  'time.title': 'Period',
  'time.from': 'From',
  'time.to': 'To',
  'time.week': 'This week',
  'time.month': 'This month',
  'time.quarter': 'This quarter',
  'time.asOf': 'As of',
  'time.dayPlaceholder': 'YYYY-MM-DD',
  'time.dayHint': 'a day such as 2026-11-30, not after today, the start not after the end',
  'time.now': 'Back to now',
  'time.live': 'now',
  'time.default': 'last 90 days',
  'time.replaying': 'Replaying the past as of ',
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof timeWindowZhCN, string> {}
}
