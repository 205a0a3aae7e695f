// The one rule set for creating an account, shared by POST /api/auth/users and the accounts CSV
// import: which bindings a role takes. A township leader and a grid worker belong to one township,
// a department account to one industry department, city, planner and admin accounts to neither.
// Role and bindings are fixed once created (they decide what the account reads).
import type { Role } from '../auth/caller.ts';

/** How the caller names the two bindings (JSON: townshipId; CSV: township_code). */
export interface BindingFields {
  township: string;
  department: string;
}

/** Every way the given bindings do not fit the role, by field; empty when they fit. */
export function bindingRefusals(
  role: Role,
  given: { township: boolean; department: boolean },
  fields: BindingFields,
): { field: string; message: string }[] {
  const needsTownship = role === 'township' || role === 'grid_worker';
  const needsDepartment = role === 'department';
  const out: { field: string; message: string }[] = [];
  const t = fields.township;
  const d = fields.department;
  if (needsTownship && !given.township)
    out.push({ field: t, message: `${t} is required: a ${role} account belongs to one township` });
  if (!needsTownship && given.township)
    out.push({ field: t, message: `${t} must be left out: a ${role} account belongs to no township` });
  if (needsDepartment && !given.department)
    out.push({ field: d, message: `${d} is required: a department account belongs to one industry department` });
  if (!needsDepartment && given.department)
    out.push({ field: d, message: `${d} must be left out: a ${role} account belongs to no department` });
  return out;
}
