// Named queries of the department routes: the list and one department locked for a change.
import type { Queryable } from '@svm/db';
import { DEPARTMENT_COLUMNS, type DepartmentRow } from '../../domain/departments.queries.ts';

/** Every department, ordered by code. */
export async function departmentList(db: Queryable): Promise<DepartmentRow[]> {
  return db.query<DepartmentRow>(
    `SELECT ${DEPARTMENT_COLUMNS} FROM industry_departments d ORDER BY d.code COLLATE "C"`,
  );
}

/** One department, locked for the rest of the transaction; undefined when unknown. */
export async function lockedDepartment(db: Queryable, code: string): Promise<DepartmentRow | undefined> {
  const rows = await db.query<DepartmentRow>(
    `SELECT ${DEPARTMENT_COLUMNS} FROM industry_departments d WHERE d.code = $1 FOR UPDATE OF d`,
    [code],
  );
  return rows[0];
}
