// Process entry of pnpm demo:remove (the command itself: demo-remove.command.ts).
import { env } from '../env.ts';
import { demoRemove } from './demo-remove.command.ts';
import { exitWith, openerFor } from './database.ts';
import { processIo } from './terminal.ts';

await exitWith(() => demoRemove(process.argv.slice(2), processIo(), { open: openerFor(env) }));
