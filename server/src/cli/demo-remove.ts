// Process entry of pnpm demo:remove (the command itself: demo-remove.command.ts).
import { DatabaseInUseError, MigrationError } from '@svm/db';
import { env } from '../env.ts';
import { openCliDatabase } from './database.ts';
import { demoRemove } from './demo-remove.command.ts';
import { processIo } from './terminal.ts';

try {
  const code = await demoRemove(process.argv.slice(2), processIo(), {
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
