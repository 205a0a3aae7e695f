// The columns of the CSV exports: Chinese headers with the English name in parentheses.
import type { LedgerRow } from '../hazards/hazards.queries.ts';
import type { VenueRow } from '../venues/venues.queries.ts';
import type { CsvColumn } from './csv.ts';

const iso = (d: Date | null) => d?.toISOString() ?? '';

export const HAZARD_COLUMNS: CsvColumn<LedgerRow>[] = [
  { header: '隐患编号 (hazard id)', value: (r) => r.id },
  { header: '场所编号 (venue id)', value: (r) => r.venue_id },
  { header: '场所名称 (venue)', value: (r) => r.venue_name },
  { header: '地址 (address)', value: (r) => r.venue_address },
  { header: '镇街 (township)', value: (r) => r.township_name },
  { header: '隐患类型 (type)', value: (r) => r.type_name },
  { header: '类型代码 (type code)', value: (r) => r.type_code },
  { header: '严重程度 (severity)', value: (r) => r.severity },
  { header: '状态 (status)', value: (r) => r.status },
  { header: '发现时间 (found at)', value: (r) => iso(r.found_at) },
  { header: '整改期限 (deadline)', value: (r) => iso(r.deadline) },
  { header: '责任人 (responsible person)', value: (r) => r.responsible_person },
  { header: '联系电话 (responsible phone)', value: (r) => r.responsible_phone },
  { header: '是否超期 (overdue)', value: (r) => r.overdue },
  { header: '反弹自 (rebound of)', value: (r) => r.rebound_of },
  { header: '经度 (lon)', value: (r) => r.lon },
  { header: '纬度 (lat)', value: (r) => r.lat },
];

export const VENUE_COLUMNS: CsvColumn<VenueRow>[] = [
  { header: '场所编号 (venue id)', value: (r) => r.id },
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
