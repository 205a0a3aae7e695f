// Starts the real server as a child process on a fresh database (a temp PGlite folder, or a
// new database on the PostgreSQL server DATABASE_URL names) with a small seeded city.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const serverDir = fileURLToPath(new URL('../../../server/', import.meta.url));

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** stops the process (SIGTERM) but keeps its database, for a restart */
  kill: () => Promise<void>;
  /** starts the process again on the same port and database; resolves once /api/health answers */
  restart: () => Promise<void>;
}

/** A TCP port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function freshDatabaseUrl(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `svm_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** Starts the server with a seeded city of `venues` venues; resolves once /api/health answers. */
export async function startServer(options: {
  venues: number;
  seed?: number;
  databaseUrl?: string;
  /** how long a start (or restart) may take before it counts as failed; default 180 s */
  readyTimeoutMs?: number;
  /** more environment for the server (e.g. BASEMAP_STYLE_URL) */
  env?: Record<string, string>;
  /** runs once before the first start, with the server's environment (its DATA_DIR or DATABASE_URL) */
  beforeStart?: (env: NodeJS.ProcessEnv, serverDir: string) => Promise<void>;
}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'svm-e2e-'));
  const database = options.databaseUrl ? await freshDatabaseUrl(options.databaseUrl) : null;
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? '',
    SEED_ON_START: 'true',
    SEED_VENUES: String(options.venues),
    SEED: String(options.seed ?? 7),
    ...options.env,
  };
  const launch = (): ChildProcess =>
    spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const listen = (c: ChildProcess) => {
    c.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    c.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    return c;
  };
  try {
    await options.beforeStart?.(env, serverDir);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
    throw err;
  }
  let child = listen(launch());
  const url = `http://127.0.0.1:${port}`;
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const stop = async () => {
    await kill();
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  const ready = async (): Promise<boolean> => {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null) return false;
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return true;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  };
  const restart = async () => {
    await kill();
    child = listen(launch());
    if (!(await ready())) throw new Error(`the server did not come back:\n${log}`);
  };
  if (await ready()) return { url, output: () => log, stop, kill, restart };
  await stop();
  throw new Error(`the server did not become ready:\n${log}`);
}
