// CSV import of the city's hazard catalogue, upserted by code (case-sensitive). A column left
// empty keeps an existing type's value (a new type: no English name, general, every category,
// in use); `retired` true retires the type (it keeps its hazards), false brings it back.
import type { Queryable } from '@svm/db';
import { HAZARD_SEVERITIES, HAZARD_TYPE_CODE, HAZARD_TYPE_CODE_RULE, listOf, VENUE_CATEGORIES } from '@svm/contract';
import { hazardTypesByCode, upsertedHazardType } from '../../domain/hazard-types.queries.ts';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { because, ImportErrors, quoted } from '../../kernel/import/import-errors.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';

const CATEGORY_SET: ReadonlySet<string> = new Set(VENUE_CATEGORIES);

/** "catering;retail": venue categories separated by semicolons, each once. */
export const categoriesCell = (column: string) =>
  cell.text(column, 400).transform((t, ctx) => {
    const list = t
      .split(';')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const unknown = list.filter((c) => !CATEGORY_SET.has(c));
    if (unknown.length)
      ctx.addIssue({
        code: 'custom',
        ...because(
          'unknown_value',
          `${column} ${quoted(unknown[0]!)} is not one of ${listOf(VENUE_CATEGORIES)} (separate them with ";")`,
        ),
      });
    else if (new Set(list).size !== list.length)
      ctx.addIssue({ code: 'custom', ...because('bad_format', `${column} names a category twice`) });
    return list as (typeof VENUE_CATEGORIES)[number][];
  });

const label = (column: string) =>
  cell.text(column, 200).refine((t) => t.trim() !== '', because('too_short', `${column} must not be blank`));

export const HAZARD_TYPE_COLUMNS = {
  code: cell.matching('code', HAZARD_TYPE_CODE, HAZARD_TYPE_CODE_RULE),
  name: label('name'),
  name_en: cell.text('name_en', 200).optional(),
  default_severity: cell.oneOf('default_severity', HAZARD_SEVERITIES).optional(),
  categories: categoriesCell('categories').optional(),
  retired: cell.bool('retired').optional(),
};

export async function importHazardTypes(tx: Queryable, text: string): Promise<Counts> {
  const errors = new ImportErrors();
  const rows = csvRows(text, HAZARD_TYPE_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.code, 'code', errors);
  errors.throwIfAny('the hazard-type file was refused');
  const before = await hazardTypesByCode(
    tx,
    rows.map((r) => r.value.code),
  );
  const counts = await writeRows(tx, rows, errors, async (sp, { line, value: t }) => {
    const was = before.get(t.code);
    const done = await upsertedHazardType(sp, {
      code: t.code,
      name: t.name.trim(),
      nameEn: t.name_en?.trim() ?? was?.name_en ?? '',
      defaultSeverity: t.default_severity ?? was?.default_severity ?? 'general',
      categories: t.categories ?? was?.categories ?? [],
      retired: t.retired ?? (was ? was.retired_at !== null : false),
    });
    // the catalogue is keyed by code, not by a numeric id: the line stands in for it
    return { id: line, inserted: done.inserted };
  });
  errors.throwIfAny('the hazard-type file was refused');
  return { inserted: counts.inserted, updated: counts.updated };
}
