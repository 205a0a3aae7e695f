// The columns of the ledger's CSV export: Chinese headers with the English name in parentheses.
import type { CsvColumn } from '../../kernel/export/csv.ts';
import type { LedgerRow } from './hazards.queries.ts';

const iso = (d: Date | null) => d?.toISOString() ?? '';

export const HAZARD_COLUMNS: CsvColumn<LedgerRow>[] = [
  { header: '隐患编号 (hazard id)', value: (r) => r.id },
  { header: '外部编号 (external id)', value: (r) => r.external_id },
  { header: '场所编号 (venue id)', value: (r) => r.venue_id },
  { header: '场所外部编号 (venue external id)', value: (r) => r.venue_external_id },
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
