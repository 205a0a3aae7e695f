// The wall display's own words (title, tour stops, KPI column), in zh-CN and English.
import type { EnglishPlurals } from '../../kit/i18n/messages.ts';

export const wallZhCN = {
  'wall.title': '社会面小场所安全治理 · 指挥中心大屏',
  'wall.city': '全市',
  'wall.cluster': '反弹聚集区',
  'wall.kpis': '关键指标',
} as const;

export const wallEn: Record<keyof typeof wallZhCN, string> = {
  'wall.title': 'Small-Venue Safety · Command Center',
  'wall.city': 'City',
  'wall.cluster': 'Rebound cluster',
  'wall.kpis': 'Key figures',
};

// counted phrases: {n} is the count; zh-CN has one form, English a singular too
export const wallPluralsZhCN = {
  'wall.members': { other: '{n} 处反弹隐患' },
} as const;

export const wallPluralsEn: EnglishPlurals<typeof wallPluralsZhCN> = {
  'wall.members': { one: '{n} rebound hazard', other: '{n} rebound hazards' },
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof wallZhCN, string> {}
  interface PluralMessages extends Record<keyof typeof wallPluralsZhCN, unknown> {}
}
