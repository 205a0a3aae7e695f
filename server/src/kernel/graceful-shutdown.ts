// Stopping the process without cutting anyone off: stop accepting connections, let the
// requests in flight finish (for at most `graceMs`), end long-lived streams (SSE) through the
// shutdown signal they listen to, then close the database they were using.

/** What shutdown needs of the HTTP server (node's http.Server has all of it). */
export interface ClosableServer {
  close(callback?: (err?: Error) => void): unknown;
  closeIdleConnections?(): void;
  closeAllConnections?(): void;
}

export interface ShutdownPlan {
  server: ClosableServer;
  /** closes the database; runs after the last connection has ended */
  closeDatabase: () => Promise<void>;
  /** aborted first: long-lived streams end themselves when it fires */
  streams: AbortController;
  /** how long requests in flight may take before their connections are cut */
  graceMs: number;
  log?: (message: string) => void;
}

/** Resolves once the server is closed and the database with it; never rejects. */
export function gracefulShutdown(plan: ShutdownPlan): Promise<{ cut: boolean; error?: unknown }> {
  const log = plan.log ?? (() => {});
  plan.streams.abort(new Error('the server is shutting down'));
  return new Promise((resolve) => {
    let cut = false;
    const timer = setTimeout(() => {
      cut = true;
      log(`requests still running after ${plan.graceMs} ms: closing their connections`);
      plan.server.closeAllConnections?.();
    }, plan.graceMs);
    // A keep-alive connection busy at close() stays open after its answer (node closes idle
    // connections only once) and would take further requests; sweep them as they go idle.
    const sweep = setInterval(() => plan.server.closeIdleConnections?.(), 50);
    plan.server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      plan.closeDatabase().then(
        () => resolve({ cut }),
        (error: unknown) => resolve({ cut, error }),
      );
    });
    // keep-alive sockets with no request on them would hold close() until they time out
    plan.server.closeIdleConnections?.();
  });
}
