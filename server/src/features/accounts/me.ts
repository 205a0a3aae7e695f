// The MeDto for a caller: who they are, their role and scope, and the names of their township or department.
import type { Queryable } from '@svm/db';
import type { Caller } from '../../auth/caller.ts';
import type { MeDto } from '@svm/contract';
import { departmentNamed, townshipNamed, usernameOf } from './auth.queries.ts';

export async function meOf(db: Queryable, caller: Caller): Promise<MeDto> {
  const username = caller.userId === null ? null : await usernameOf(db, caller.userId);
  const township = caller.scope.kind === 'township' ? await townshipNamed(db, caller.scope.townshipId) : null;
  const department = caller.scope.kind === 'department' ? await departmentNamed(db, caller.scope.departmentId) : null;
  return {
    user: caller.userId === null ? null : { id: caller.userId, username: username ?? '', displayName: caller.name },
    role: caller.role,
    display: caller.userId === null ? { label: caller.name } : null,
    scope: caller.scope,
    township,
    department,
    readOnly: caller.readOnly,
  };
}
