// The columns of the venue register's CSV export: Chinese headers with the English name in parentheses.
import type { VenueRow } from './venues.queries.ts';
import type { CsvColumn } from '../../kernel/export/csv.ts';

const iso = (d: Date | null) => d?.toISOString() ?? '';

export const VENUE_COLUMNS: CsvColumn<VenueRow>[] = [
  { header: '场所编号 (venue id)', value: (r) => r.id },
  { header: '外部编号 (external id)', value: (r) => r.external_id },
  { header: '名称 (name)', value: (r) => r.name },
  { header: '地址 (address)', value: (r) => r.address },
  { header: '经营类别 (category)', value: (r) => r.category },
  { header: '评定等级 (assigned level)', value: (r) => r.risk_level },
  { header: '计算等级 (computed level)', value: (r) => r.computed_level },
  { header: '评分 (score)', value: (r) => r.score },
  { header: '等级偏低 (misgraded)', value: (r) => r.misgraded },
  { header: '登记状态 (registration)', value: (r) => r.registration },
  { header: '镇街编号 (township id)', value: (r) => r.township_id },
  { header: '网格编号 (grid cell id)', value: (r) => r.grid_cell_id },
  { header: '登记时间 (registered at)', value: (r) => iso(r.registered_at) },
  { header: '最近巡查 (last patrol)', value: (r) => iso(r.last_patrol_at) },
  { header: '巡查超期 (overdue)', value: (r) => r.overdue },
  { header: '经度 (lon)', value: (r) => r.lon },
  { header: '纬度 (lat)', value: (r) => r.lat },
];
