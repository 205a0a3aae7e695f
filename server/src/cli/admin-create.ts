// Process entry of pnpm admin:create (the command itself: admin-create.command.ts).
import { DatabaseInUseError, MigrationError } from '@svm/db';
import { env } from '../env.ts';
import { adminCreate } from './admin-create.command.ts';
import { openCliDatabase } from './database.ts';
import { processIo } from './terminal.ts';

try {
  const code = await adminCreate(process.argv.slice(2), processIo(), {
    demoPassword: env.DEMO_PASSWORD,
    open: async () => {
      const { db, where } = await openCliDatabase(env);
      return { db, where, close: () => db.close() };
    },
  });
  process.exit(code);
} catch (err) {
  const known = err instanceof MigrationError || err instanceof DatabaseInUseError;
  console.error(known ? `Cannot open the database: ${err.message}` : err);
  process.exit(1);
}
