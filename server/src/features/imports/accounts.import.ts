// CSV import of accounts: each line creates one account under the rules of POST /api/auth/users
// (domain/accounts.ts). Accounts are created once, so a taken username refuses its line instead
// of updating; role and bindings are fixed once created. Without a password the account cannot
// sign in until an admin sets one. Each account is audited (user.create) without its password.
import type { Queryable } from '@svm/db';
import { accountFieldSchemas, USER_ROLES } from '@svm/contract';
import type { Actor } from '../../auth/actor.ts';
import { hashPassword } from '../../auth/password.ts';
import { bindingRefusals } from '../../domain/accounts.ts';
import { createdAccount } from '../../domain/accounts.queries.ts';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { ImportErrors, quoted } from '../../kernel/import/import-errors.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';
import { departmentIdsByCode, usernamesTaken } from './csv-imports.queries.ts';
import { townshipIdsByCode } from './geojson-imports.queries.ts';

const field = accountFieldSchemas({ displayName: 'display_name', phone: 'phone', password: 'password' });

export const ACCOUNT_COLUMNS = {
  username: field.username,
  display_name: field.displayName,
  role: cell.oneOf('role', USER_ROLES),
  township_code: cell.text('township_code', 64).optional(),
  department_code: cell.text('department_code', 64).optional(),
  phone: field.phone.optional(),
  password: field.password.optional(),
};

export async function importAccounts(tx: Queryable, text: string, actor: Actor): Promise<Counts> {
  const errors = new ImportErrors();
  const rows = csvRows(text, ACCOUNT_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.username, 'username', errors);
  const taken = await usernamesTaken(
    tx,
    rows.map((r) => r.value.username),
  );
  const townships = await townshipIdsByCode(
    tx,
    rows.flatMap((r) => r.value.township_code ?? []),
  );
  const departments = await departmentIdsByCode(
    tx,
    rows.flatMap((r) => r.value.department_code ?? []),
  );
  for (const { line, value: a } of rows) {
    if (taken.has(a.username))
      errors.add({
        line,
        column: 'username',
        reason: 'taken',
        message: `username ${quoted(a.username)} is taken; accounts are created once, choose another`,
      });
    const refusals = bindingRefusals(
      a.role,
      { township: a.township_code !== undefined, department: a.department_code !== undefined },
      { township: 'township_code', department: 'department_code' },
    );
    for (const r of refusals) errors.add({ line, column: r.field, reason: 'role_rule', message: r.message });
    if (a.township_code !== undefined && refusals.length === 0 && !townships.has(a.township_code))
      errors.add({
        line,
        column: 'township_code',
        reason: 'unknown_reference',
        message: `no township has code ${quoted(a.township_code)}`,
      });
    if (a.department_code !== undefined && refusals.length === 0 && !departments.has(a.department_code))
      errors.add({
        line,
        column: 'department_code',
        reason: 'unknown_reference',
        message: `no industry department has code ${quoted(a.department_code)}`,
      });
  }
  errors.throwIfAny('the account file was refused');
  // hashed before the writes: a password hash is slow on purpose
  const hashes = await Promise.all(rows.map((r) => (r.value.password ? hashPassword(r.value.password) : null)));
  const hashOf = new Map(rows.map((r, i) => [r.line, hashes[i] ?? null]));
  const counts = await writeRows(tx, rows, errors, async (sp, { line, value: a }) => ({
    id: await createdAccount(sp, actor, {
      username: a.username,
      displayName: a.display_name,
      role: a.role,
      townshipId: a.township_code === undefined ? null : townships.get(a.township_code)!,
      departmentId: a.department_code === undefined ? null : departments.get(a.department_code)!,
      phone: a.phone ?? null,
      passwordHash: hashOf.get(line) ?? null,
    }),
    inserted: true,
  }));
  errors.throwIfAny('the account file was refused');
  return { inserted: counts.inserted, updated: counts.updated };
}
