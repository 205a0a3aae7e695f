// Test helpers for imports: send a file as whoever `app` asks as (see appAs in workflow-fixture.ts),
// and the senders the import-report and import-job tests ask as.
import type { Queryable } from '@svm/db';
import type { App } from '../app.ts';
import { addAccounts } from './auth.ts';
import { twoTownships } from './fixture.ts';
import { appAs } from './workflow-fixture.ts';

export function upload(
  app: App,
  kind: string,
  body: string,
  type = kind.match(/townships|grid-cells|reference-points/) ? 'application/geo+json' : 'text/csv; charset=utf-8',
) {
  return app.request(`/api/import/${kind}`, { method: 'POST', headers: { 'Content-Type': type }, body });
}

export interface Senders {
  admin: App;
  /** a second admin, who may not read the first one's reports */
  otherAdmin: App;
  leader: App;
  nobody: App;
  adminId: number;
}

/** Two townships with their accounts, a second admin, and an app for each kind of sender. */
export async function importSenders(db: Queryable): Promise<Senders> {
  const accounts = await addAccounts(db, await twoTownships(db));
  const [second] = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role) VALUES ('fx_admin_2', '管理员乙', 'admin') RETURNING id`,
  );
  return {
    admin: await appAs(db, accounts.admin),
    otherAdmin: await appAs(db, second!.id),
    leader: await appAs(db, accounts.leaderA),
    nobody: await appAs(db, null),
    adminId: accounts.admin,
  };
}
