// Process entry of pnpm admin:create (the command itself: admin-create.command.ts).
import { env } from '../env.ts';
import { adminCreate } from './admin-create.command.ts';
import { exitWith, openerFor } from './database.ts';
import { processIo } from './terminal.ts';

await exitWith(() =>
  adminCreate(process.argv.slice(2), processIo(), { demoPassword: env.DEMO_PASSWORD, open: openerFor(env) }),
);
