// Test helpers for imports: send a file as the fixture's grid worker.
import type { App } from '../../app.ts';

export function upload(app: App, kind: string, body: string, actor: number | string | null, type = kind.match(/townships|grid-cells|reference-points/) ? 'application/geo+json' : 'text/csv; charset=utf-8') {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (actor !== null) headers['X-Actor-Id'] = String(actor);
  return app.request(`/api/import/${kind}`, { method: 'POST', headers, body });
}
