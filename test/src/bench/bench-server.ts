// The real server process on a benchmark city's database (never seeding it), and signing in to
// it: bearer tokens from POST /api/auth/login, as the web app's API calls would carry a session.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/server-process.ts';

const serverDir = fileURLToPath(new URL('../../../server/', import.meta.url));

export interface BenchServer {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
}

/** Starts `server/src/main.ts` on `databaseUrl`; resolves once /api/health answers. */
export async function startBenchServer(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_ON_START: 'false',
      // the overview endpoints are measured, not cut off: a slow one shows as slow rather than as a 503
      DB_STATEMENT_TIMEOUT_MS: '600000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`bench: the server did not become ready:\n${log}`);
}

/** A bearer session token for `username`. */
export async function bearerToken(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password, as: 'token' }),
  });
  if (!res.ok) throw new Error(`bench: signing in as ${username} failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token?: string };
  if (!token) throw new Error(`bench: signing in as ${username} gave no token`);
  return token;
}

// keep-alive like a browser; node:http rather than fetch so bodies arrive as sent (fetch would
// gunzip them, hiding the bytes on the wire and adding its own work to every timing)
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export interface Got {
  status: number;
  bytes: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** GET with the token, the body read in full as sent; throws on a non-2xx answer. */
export async function getRaw(url: string, token: string, headers: Record<string, string> = {}): Promise<Got> {
  try {
    return await getOnce(url, token, headers);
  } catch (err) {
    // a kept-alive socket the server closed while idle (its keep-alive timeout): ask once more on a new one
    if ((err as { code?: string }).code !== 'ECONNRESET') throw err;
    return getOnce(url, token, headers);
  }
}

function getOnce(url: string, token: string, headers: Record<string, string>): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Authorization: `Bearer ${token}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300)
          reject(new Error(`bench: GET ${url} answered ${status}: ${body.toString('utf8').slice(0, 300)}`));
        else resolve({ status, bytes: body.byteLength, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function getJson<T>(url: string, token: string): Promise<T> {
  return JSON.parse((await getRaw(url, token)).body.toString('utf8')) as T;
}

/** POST a body with the token; the answer's status and text (no throw: the caller checks). */
export async function post(
  url: string,
  token: string,
  body: string,
  contentType: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
    body,
  });
  return { status: res.status, text: await res.text() };
}
