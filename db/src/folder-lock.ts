// One process at a time in an embedded database's folder. PGlite takes no lock of its own (its
// postmaster.pid is a fixed placeholder): a second process opening the folder works on its own
// copy of the pages and the two overwrite each other's writes. A lock file beside the folder,
// holding the owner's pid, is taken on open and removed on close; one left by a process that
// died is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** The embedded database's folder is open in another process. */
export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `${folder}.lock` for this process; returns its release. */
export function lockFolder(folder: string): () => void {
  const file = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    // this process opening it again (a test's template, say) is its own business
    if (pid === process.pid) return () => {};
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      throw new DatabaseInUseError(
        `the embedded database in ${folder} is open in process ${pid} (the server?): stop it first, ` +
          `or use a PostgreSQL server (DATABASE_URL) that several processes can share. ` +
          `If no process ${pid} uses it, delete ${file}`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new DatabaseInUseError(`could not take the lock ${file}: another process took it meanwhile`);
}
