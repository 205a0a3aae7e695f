// GeoJSON imports of the map's layers: townships, grid cells and reference points. Properties
// are checked with zod, shapes in JS, validity by PostGIS; all errors name the feature index.
import type { Queryable } from '@svm/db';
import { z } from 'zod';
import { listOf, TOWNSHIP_KINDS } from '@svm/contract';
import { usersByUsername } from './csv-imports.queries.ts';
import { checkedFeatures, type CheckedFeature, type GeometryKind } from '../../kernel/import/geojson-check.ts';
import {
  CELL_OVERHANG_MAX,
  cellOverhangs,
  invalidityReasons,
  relocatedVenues,
  townshipIdsByCode,
  upsertedGridCell,
  upsertedReferencePoint,
  upsertedTownship,
} from './geojson-imports.queries.ts';
import { ImportErrors, quoted, reasonOfIssue } from '../../kernel/import/import-errors.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';

const str = (name: string, re: RegExp, rule: string) =>
  z.string({ error: `${name} must be ${rule}` }).regex(re, `${name} must be ${rule}`);
const label = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text of 1 to ${max} characters` })
    .min(1, `${name} must be text of 1 to ${max} characters`)
    .max(max, `${name} must be text of 1 to ${max} characters`);

export const TOWNSHIP_PROPERTIES = z.object({
  code: str('code', /^[A-Za-z0-9_-]{1,32}$/, '1-32 letters, digits, _ or -'),
  name: label('name', 100),
  nameEn: label('nameEn', 100),
  kind: z.enum(TOWNSHIP_KINDS, { error: `kind must be one of ${listOf(TOWNSHIP_KINDS)}` }),
});
export const GRID_CELL_PROPERTIES = z.object({
  code: str('code', /^[A-Za-z0-9_-]{1,40}$/, '1-40 letters, digits, _ or -'),
  name: label('name', 100),
  townshipCode: str('townshipCode', /^[A-Za-z0-9_-]{1,32}$/, 'the code of an existing township'),
  workerUsername: z.string({ error: 'workerUsername must be a username' }).optional(),
});
export const REFERENCE_POINT_PROPERTIES = z.object({
  source: label('source', 40).default('import'),
  externalId: z
    .union([z.string(), z.number()], { error: 'externalId must be text or a number' })
    .transform(String)
    .pipe(z.string().min(1, 'externalId must not be empty').max(64, 'externalId must be at most 64 characters')),
  name: z.string({ error: 'name must be text' }).max(200).default(''),
  category: z.string({ error: 'category must be text' }).max(100).default(''),
});

interface Parsed<P> {
  line: number;
  feature: CheckedFeature;
  props: P;
}

/** Shape, property and validity checks of a whole file; the features that passed come back. */
async function parsedFeatures<S extends z.ZodType>(
  db: Queryable,
  body: unknown,
  kind: GeometryKind,
  schema: S,
  key: (p: z.output<S>) => string,
  errors: ImportErrors,
) {
  const features = checkedFeatures(body, kind, errors);
  const parsed: Parsed<z.output<S>>[] = [];
  const seen = new Map<string, number>();
  for (const feature of features) {
    const result = schema.safeParse(feature.properties, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.add({
          feature: feature.index,
          column: `properties.${issue.path.join('.')}`,
          reason: reasonOfIssue(issue),
          message: issue.message,
        });
      continue;
    }
    const k = key(result.data);
    const first = seen.get(k);
    if (first !== undefined)
      errors.add({
        feature: feature.index,
        reason: 'duplicate_key',
        message: `${quoted(k)} already appears in feature ${first}`,
      });
    seen.set(k, feature.index);
    parsed.push({ line: feature.index, feature, props: result.data });
  }
  if (kind !== 'Point' && parsed.length) {
    const reasons = await invalidityReasons(
      db,
      parsed.map((p) => p.feature.geometry),
    );
    reasons.forEach((reason, i) => {
      if (reason)
        errors.add({
          feature: parsed[i]!.feature.index,
          column: 'geometry',
          reason: 'invalid_geometry',
          message: `invalid geometry: ${reason}`,
        });
    });
  }
  return parsed;
}

// writeRows reports database refusals by `line`; for features that is the feature index
function asFeatureErrors(errors: ImportErrors): void {
  for (const e of errors.list)
    if (e.line !== undefined && e.feature === undefined) Object.assign(e, { feature: e.line, line: undefined });
  for (const e of errors.list) if (e.line === undefined) delete e.line;
}

export async function importTownships(tx: Queryable, body: unknown): Promise<Counts & { venuesRelocated: number }> {
  const errors = new ImportErrors();
  const rows = await parsedFeatures(tx, body, 'PolygonOrMulti', TOWNSHIP_PROPERTIES, (p) => p.code, errors);
  errors.throwIfAny('the township file was refused');
  const counts = await writeRows(tx, rows, errors, (sp, { feature, props }) =>
    upsertedTownship(sp, {
      code: props.code,
      name: props.name,
      nameEn: props.nameEn,
      kind: props.kind,
      geometry: feature.geometry,
    }),
  );
  asFeatureErrors(errors);
  errors.throwIfAny('the township file was refused');
  return {
    inserted: counts.inserted,
    updated: counts.updated,
    venuesRelocated: await relocatedVenues(tx, 'townships', counts.ids),
  };
}

export async function importGridCells(tx: Queryable, body: unknown): Promise<Counts & { venuesRelocated: number }> {
  const errors = new ImportErrors();
  const rows = await parsedFeatures(tx, body, 'PolygonOrMulti', GRID_CELL_PROPERTIES, (p) => p.code, errors);
  const townships = await townshipIdsByCode(
    tx,
    rows.map((r) => r.props.townshipCode),
  );
  const workers = await usersByUsername(
    tx,
    rows.flatMap((r) => r.props.workerUsername ?? []),
  );
  for (const { feature, props } of rows) {
    if (!townships.has(props.townshipCode))
      errors.add({
        feature: feature.index,
        column: 'properties.townshipCode',
        reason: 'unknown_reference',
        message: `no township has code ${quoted(props.townshipCode)}`,
      });
    if (props.workerUsername !== undefined && !workers.has(props.workerUsername)) {
      errors.add({
        feature: feature.index,
        column: 'properties.workerUsername',
        reason: 'unknown_reference',
        message: `no user is named ${quoted(props.workerUsername)}`,
      });
    }
  }
  await checkCellsInsideTownships(tx, rows, townships, errors);
  errors.throwIfAny('the grid cell file was refused');
  const counts = await writeRows(tx, rows, errors, (sp, { feature, props }) =>
    upsertedGridCell(sp, {
      code: props.code,
      name: props.name,
      townshipId: townships.get(props.townshipCode)!,
      workerId: props.workerUsername ? workers.get(props.workerUsername)!.id : null,
      geometry: feature.geometry,
    }),
  );
  asFeatureErrors(errors);
  errors.throwIfAny('the grid cell file was refused');
  return {
    inserted: counts.inserted,
    updated: counts.updated,
    venuesRelocated: await relocatedVenues(tx, 'grid_cells', counts.ids),
  };
}

/**
 * A cell must lie inside its township (the tolerance of 0016's trigger, which refuses the same
 * cells at the write): checked here first so each error names the cell, its township and how much
 * lies outside, for every such feature of the file at once.
 */
async function checkCellsInsideTownships(
  tx: Queryable,
  rows: Parsed<z.output<typeof GRID_CELL_PROPERTIES>>[],
  townships: Map<string, number>,
  errors: ImportErrors,
): Promise<void> {
  // features already refused (an invalid geometry cannot be measured) and unknown townships are left out
  const refused = new Set(errors.list.map((e) => e.feature));
  const measurable = rows.filter((r) => !refused.has(r.feature.index) && townships.has(r.props.townshipCode));
  if (!measurable.length) return;
  const overhangs = await cellOverhangs(
    tx,
    measurable.map((r) => ({ geometry: r.feature.geometry, townshipId: townships.get(r.props.townshipCode)! })),
  );
  measurable.forEach(({ feature, props }, i) => {
    const { outsideM2, share } = overhangs[i]!;
    if (outsideM2 <= CELL_OVERHANG_MAX.m2 && share <= CELL_OVERHANG_MAX.share) return;
    errors.add({
      feature: feature.index,
      column: 'geometry',
      reason: 'outside_township',
      message:
        `grid cell ${quoted(props.code)} lies outside its township ${quoted(props.townshipCode)}: ` +
        `${outsideM2.toFixed(1)} m² outside (${(share * 100).toFixed(2)} % of the cell; ` +
        `at most 1 % and 500 m² may be)`,
    });
  });
}

export async function importReferencePoints(tx: Queryable, body: unknown): Promise<Counts> {
  const errors = new ImportErrors();
  const rows = await parsedFeatures(
    tx,
    body,
    'Point',
    REFERENCE_POINT_PROPERTIES,
    (p) => `${p.source}/${p.externalId}`,
    errors,
  );
  errors.throwIfAny('the reference point file was refused');
  const counts = await writeRows(tx, rows, errors, (sp, { feature, props }) =>
    upsertedReferencePoint(sp, {
      source: props.source,
      externalId: props.externalId,
      name: props.name,
      category: props.category,
      geometry: feature.geometry,
    }),
  );
  asFeatureErrors(errors);
  errors.throwIfAny('the reference point file was refused');
  return { inserted: counts.inserted, updated: counts.updated };
}
