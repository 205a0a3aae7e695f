// The live events' strings (freshness badge, ticker and its event kinds), in zh-CN and English.
import type { EnglishPlurals } from '../../kit/i18n/messages.ts';

export const liveEventsZhCN = {
  'wall.live': '实时',
  'wall.updated': '{age}前更新',
  'wall.justNow': '刚刚更新',
  'wall.reconnecting': '连接中断 · 重连中',
  'wall.connecting': '正在连接',
  'wall.seconds': '{n} 秒',
  'wall.minutes': '{n} 分钟',
  'wall.hours': '{n} 小时',
  'wall.ticker': '最新动态',
  'wall.tickerEmpty': '暂无动态',
  'wall.passed': '通过',
  'wall.failed': '未通过',
  'wall.event.patrol_recorded': '巡查',
  'wall.event.hazard_found': '发现隐患',
  'wall.event.rebound_detected': '隐患反弹',
  'wall.event.hazard_updated': '整改进展',
  'wall.event.acceptance_signed': '验收',
  'wall.event.hazard_closed': '隐患销号',
  'wall.event.venue_changed': '场所变更',
  'wall.event.data_imported': '数据导入',
  'wall.event.settings_changed': '参数调整',
} as const;

export const liveEventsEn: Record<keyof typeof liveEventsZhCN, string> = {
  'wall.live': 'Live',
  'wall.updated': 'updated {age} ago',
  'wall.justNow': 'updated just now',
  'wall.reconnecting': 'Connection lost · reconnecting',
  'wall.connecting': 'Connecting',
  'wall.seconds': '{n} s',
  'wall.minutes': '{n} min',
  'wall.hours': '{n} h',
  'wall.ticker': 'Latest events',
  'wall.tickerEmpty': 'No events yet',
  'wall.passed': 'passed',
  'wall.failed': 'failed',
  'wall.event.patrol_recorded': 'Patrol',
  'wall.event.hazard_found': 'Hazard found',
  'wall.event.rebound_detected': 'Rebound',
  'wall.event.hazard_updated': 'Rectification',
  'wall.event.acceptance_signed': 'Sign-off',
  'wall.event.hazard_closed': 'Hazard closed',
  'wall.event.venue_changed': 'Venue change',
  'wall.event.data_imported': 'Import',
  'wall.event.settings_changed': 'Settings',
};

// counted phrases: {n} is the count; zh-CN has one form, English a singular too
export const liveEventsPluralsZhCN = {
  'wall.rows': { other: '{n} 条' },
} as const;

export const liveEventsPluralsEn: EnglishPlurals<typeof liveEventsPluralsZhCN> = {
  'wall.rows': { one: '{n} row', other: '{n} rows' },
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof liveEventsZhCN, string> {}
  interface PluralMessages extends Record<keyof typeof liveEventsPluralsZhCN, unknown> {}
}
