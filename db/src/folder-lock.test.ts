import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { DatabaseInUseError, lockFolder } from './folder-lock.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'svm-lock-'));
  dirs.push(dir);
  return join(dir, 'pglite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database’s folder lock', () => {
  it('is taken with this process’s pid and removed on release', () => {
    const f = folder();
    const release = lockFolder(f);
    expect(readFileSync(`${f}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(`${f}.lock`)).toBe(false);
  });

  it('refuses a folder another live process holds, before the database is opened', async () => {
    const f = folder();
    // the parent process (vitest's runner) is alive and is not this one
    writeFileSync(`${f}.lock`, `${process.ppid}\n`);
    expect(() => lockFolder(f)).toThrow(DatabaseInUseError);
    await expect(openDatabase({ driver: 'pglite', dataDir: f, statementTimeoutMs: 0 })).rejects.toThrow(
      `the embedded database in ${f} is open in process ${process.ppid} (the server?): stop it first`,
    );
    expect(existsSync(f)).toBe(true);
    expect(readFileSync(`${f}.lock`, 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('takes over a lock left by a process that died', () => {
    const f = folder();
    writeFileSync(`${f}.lock`, '999999999\n');
    const release = lockFolder(f);
    expect(readFileSync(`${f}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    release();
  });
});
