// Test helpers for imports: send a file as whoever `app` asks as (see appAs in workflow-fixture.ts).
import type { App } from '../app.ts';

export function upload(
  app: App,
  kind: string,
  body: string,
  type = kind.match(/townships|grid-cells|reference-points/) ? 'application/geo+json' : 'text/csv; charset=utf-8',
) {
  return app.request(`/api/import/${kind}`, { method: 'POST', headers: { 'Content-Type': type }, body });
}
