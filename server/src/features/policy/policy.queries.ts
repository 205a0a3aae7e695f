// Named queries over the patrol policy (one row) and the grading standard's rules.
import { sql, type Queryable } from '@svm/db';
import type { GradingRuleDto, PolicyDto, PolicyUpdate } from '@svm/contract';

interface PolicyRow {
  high_days: number;
  medium_days: number;
  low_days: number;
  grid_duty_days: number;
  rebound_window_days: number;
  cluster_window_days: number;
  cluster_eps_m: number;
  cluster_min_points: number;
  reference_match_m: number;
  grade_high_score: number;
  grade_medium_score: number;
  updated_at: Date;
}
const toPolicy = (r: PolicyRow): PolicyDto => ({
  highDays: r.high_days,
  mediumDays: r.medium_days,
  lowDays: r.low_days,
  gridDutyDays: r.grid_duty_days,
  reboundWindowDays: r.rebound_window_days,
  clusterWindowDays: r.cluster_window_days,
  clusterEpsM: r.cluster_eps_m,
  clusterMinPoints: r.cluster_min_points,
  referenceMatchM: r.reference_match_m,
  gradeHighScore: r.grade_high_score,
  gradeMediumScore: r.grade_medium_score,
  updatedAt: r.updated_at.toISOString(),
});

export async function currentPolicy(db: Queryable, lock = false): Promise<PolicyDto> {
  const rows = await db.query<PolicyRow>(
    lock ? sql`SELECT * FROM patrol_policy WHERE id = 1 FOR UPDATE` : sql`SELECT * FROM patrol_policy WHERE id = 1`,
  );
  return toPolicy(rows[0]!);
}

export async function updatedPolicy(tx: Queryable, p: PolicyUpdate): Promise<PolicyDto> {
  const n = (v: number | undefined) => v ?? null;
  const rows = await tx.query<PolicyRow>(sql`
    UPDATE patrol_policy SET
      high_days = COALESCE(${n(p.highDays)}::integer, high_days),
      medium_days = COALESCE(${n(p.mediumDays)}::integer, medium_days),
      low_days = COALESCE(${n(p.lowDays)}::integer, low_days),
      grid_duty_days = COALESCE(${n(p.gridDutyDays)}::integer, grid_duty_days),
      rebound_window_days = COALESCE(${n(p.reboundWindowDays)}::integer, rebound_window_days),
      cluster_window_days = COALESCE(${n(p.clusterWindowDays)}::integer, cluster_window_days),
      cluster_eps_m = COALESCE(${n(p.clusterEpsM)}::integer, cluster_eps_m),
      cluster_min_points = COALESCE(${n(p.clusterMinPoints)}::integer, cluster_min_points),
      reference_match_m = COALESCE(${n(p.referenceMatchM)}::integer, reference_match_m),
      grade_high_score = COALESCE(${n(p.gradeHighScore)}::integer, grade_high_score),
      grade_medium_score = COALESCE(${n(p.gradeMediumScore)}::integer, grade_medium_score),
      updated_at = now()
    WHERE id = 1 RETURNING *`);
  return toPolicy(rows[0]!);
}

interface RuleRow {
  code: string;
  name: string;
  name_en: string;
  subject: string;
  category: GradingRuleDto['category'];
  threshold: number | null;
  points: number;
  enabled: boolean;
}
const toRule = (r: RuleRow): GradingRuleDto => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  subject: r.subject,
  category: r.category,
  threshold: r.threshold,
  points: r.points,
  enabled: r.enabled,
});

export async function gradingRules(db: Queryable): Promise<GradingRuleDto[]> {
  return (await db.query<RuleRow>(sql`SELECT * FROM grading_rules ORDER BY code`)).map(toRule);
}

export async function lockedGradingRule(tx: Queryable, code: string): Promise<GradingRuleDto | null> {
  const rows = await tx.query<RuleRow>(sql`SELECT * FROM grading_rules WHERE code = ${code} FOR UPDATE`);
  return rows[0] ? toRule(rows[0]) : null;
}

export async function updatedGradingRule(
  tx: Queryable,
  code: string,
  ch: { points?: number; enabled?: boolean; threshold?: number },
): Promise<GradingRuleDto> {
  const rows = await tx.query<RuleRow>(sql`
    UPDATE grading_rules SET points = COALESCE(${ch.points ?? null}::integer, points),
      enabled = COALESCE(${ch.enabled ?? null}::boolean, enabled),
      threshold = COALESCE(${ch.threshold ?? null}::integer, threshold)
    WHERE code = ${code} RETURNING *`);
  return toRule(rows[0]!);
}
