// Which database errors mean "the database cannot answer now" rather than "this request is
// wrong": a cancelled statement (statement timeout) or a lost, refused or timed-out
// connection. Those become a 503 with Retry-After (see Problem.serviceUnavailable), not a 500.

export interface Unavailability {
  /** what the client is told (no server internals) */
  detail: string;
  retryAfterSeconds: number;
}

// Node socket errors raised while connecting to or talking with the server.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// pg and pg-pool raise these without a SQLSTATE when the socket goes away or the pool waits too long.
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Cannot use a pool after calling end',
];

const OUTAGE: Unavailability = {
  detail: 'the database is unavailable (restarting or unreachable); try again shortly',
  retryAfterSeconds: 5,
};

/** Classifies an error thrown by a query; null when it is not about availability. */
export function databaseUnavailability(err: unknown): Unavailability | null {
  if (typeof err !== 'object' || err === null) return null;
  const code: unknown = Reflect.get(err, 'code');
  if (typeof code === 'string') {
    // 57014 query_canceled: the statement ran past DB_STATEMENT_TIMEOUT_MS
    if (code === '57014') {
      return {
        detail:
          'the query took longer than the server allows and was cancelled; try a smaller area or period, or again later',
        retryAfterSeconds: 10,
      };
    }
    // 57P01-57P05 (admin/crash shutdown, cannot connect now, idle session timeout, ...),
    // class 08 (connection exception), 53300 too many connections
    if (code.startsWith('57P') || code.startsWith('08') || code === '53300') return OUTAGE;
    if (SOCKET_CODES.has(code)) return OUTAGE;
  }
  // a connect that failed on every address arrives as an AggregateError of socket errors
  if (err instanceof AggregateError && err.errors.some((e) => databaseUnavailability(e) === OUTAGE)) return OUTAGE;
  const message: unknown = Reflect.get(err, 'message');
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return OUTAGE;
  return null;
}
