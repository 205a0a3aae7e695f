// The rebound cluster panel's strings, in zh-CN and English.

export const reboundsZhCN = {
  'cluster.title': '反弹聚集区',
  'cluster.members': '反弹隐患',
  'cluster.venues': '涉及场所',
  'cluster.types': '主要隐患类型',
  'cluster.townships': '涉及镇街',
  'cluster.notFound': '当前时点没有这个聚集区',
  'cluster.hazardIds': '隐患编号',
} as const;

export const reboundsEn: Record<keyof typeof reboundsZhCN, string> = {
  'cluster.title': 'Rebound cluster',
  'cluster.members': 'Rebound hazards',
  'cluster.venues': 'Venues',
  'cluster.types': 'Dominant hazard types',
  'cluster.townships': 'Townships',
  'cluster.notFound': 'No such cluster at this moment',
  'cluster.hazardIds': 'Hazard ids',
};

declare module '../../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof reboundsZhCN, string> {}
}
