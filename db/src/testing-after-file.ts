// Runs around every node test file (vitest setupFiles): once the file's tests are done, the
// worker's shared database is vacuumed, so the next file does not scan the dead rows this
// file's rolled-back transactions left behind (see vacuumWorkerDb).
import { afterAll } from 'vitest';
import { vacuumWorkerDb } from './testing.ts';

afterAll(vacuumWorkerDb);
