// CSV import of the industry departments, upserted by code (case-sensitive): a city that starts
// empty loads them before the department accounts that name them. A column left empty keeps an
// existing department's value; a new department without categories gets none (it signs off and
// reads nothing until the admin gives it the venue categories whose hazards it signs off).
import type { Queryable } from '@svm/db';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_RULE } from '@svm/contract';
import { departmentsByCode, upsertedDepartment } from '../../domain/departments.queries.ts';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { because, ImportErrors } from '../../kernel/import/import-errors.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';
import { categoriesCell } from './hazard-types.import.ts';

const label = (column: string) =>
  cell.text(column, 200).refine((t) => t.trim() !== '', because('too_short', `${column} must not be blank`));

export const DEPARTMENT_COLUMNS = {
  code: cell.matching('code', DEPARTMENT_CODE, DEPARTMENT_CODE_RULE),
  name: label('name'),
  name_en: cell.text('name_en', 200).optional(),
  categories: categoriesCell('categories').optional(),
};

export async function importDepartments(tx: Queryable, text: string): Promise<Counts> {
  const errors = new ImportErrors();
  const rows = csvRows(text, DEPARTMENT_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.code, 'code', errors);
  errors.throwIfAny('the department file was refused');
  const before = await departmentsByCode(
    tx,
    rows.map((r) => r.value.code),
  );
  const counts = await writeRows(tx, rows, errors, async (sp, { value: d }) => {
    const was = before.get(d.code);
    return upsertedDepartment(sp, {
      code: d.code,
      name: d.name.trim(),
      nameEn: d.name_en?.trim() ?? was?.name_en ?? '',
      categories: d.categories ?? was?.categories ?? [],
    });
  });
  errors.throwIfAny('the department file was refused');
  return { inserted: counts.inserted, updated: counts.updated };
}
