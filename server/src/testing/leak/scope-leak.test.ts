// The jurisdiction leak matrix (issue 6): every documented GET route, asked on the leak city as
// township A, as the catering department and as the city. A township account sees nothing of
// township B (no id, no name, no count), a department nothing outside its categories, and the
// city does see B (so each row of the matrix can fail).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.ts';
import { allRouteDocs } from '../../openapi/openapi.ts';
import { decodeLayer } from '../tiles.ts';
import { PROBLEM_JSON, testApp } from '../app.ts';
import { cityCaller, departmentCaller, leakCity, townshipCaller, type LeakFixture } from './leak-fixture.ts';
import { MATRIX, nothingSeen, type Body, type Entry, type Seen } from './leak-matrix.ts';
import { parseCsv } from './csv-rows.ts';

const documentedGets = allRouteDocs.filter((d) => d.method === 'get').map((d) => d.path);

interface Answer {
  url: string;
  status: number;
  text: string;
  body: Body | null;
}

/** Each URL's answer as text (tiles decoded) and parsed. */
async function ask(
  tx: Parameters<Parameters<typeof rolledBack>[0]>[0],
  caller: Caller,
  urls: string[],
): Promise<Answer[]> {
  const { app, logged } = await testApp(tx, { caller });
  const answers: Answer[] = [];
  for (const url of urls) {
    const res = await app.request(url);
    const type = res.headers.get('content-type') ?? '';
    let body: Body | null = null;
    let text: string;
    if (type.startsWith('application/vnd.mapbox-vector-tile')) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      const layers = Object.fromEntries(
        ['venues', 'hazards', 'grid-cells'].map((l) => [l, decodeLayer(bytes, l).map((f) => f.id ?? -1)]),
      );
      body = { type: 'tile', layers };
      text = JSON.stringify(['venues', 'hazards', 'grid-cells'].map((l) => decodeLayer(bytes, l)));
    } else {
      text = await res.text();
      if (res.status === 200 && type.startsWith('text/csv')) body = { type: 'csv', rows: parseCsv(text).slice(1) };
      else if (res.status === 200 && /json/.test(type)) body = { type: 'json', value: JSON.parse(text) };
    }
    if (res.status !== 200) expect(type, `${url}: a refusal is a problem`).toBe(PROBLEM_JSON);
    answers.push({ url, status: res.status, text, body });
  }
  expect(logged, 'no request failed with a 500').toEqual([]);
  return answers;
}

function seenIn(entry: Entry, answers: Answer[]): Seen {
  const all = nothingSeen();
  if (entry.kind !== 'scoped') return all;
  for (const a of answers) {
    if (a.status !== 200 || !a.body) continue;
    const s = entry.seen(a.body);
    for (const k of Object.keys(all) as (keyof Seen)[]) all[k].push(...(s[k] ?? []).map(Number));
  }
  return all;
}

const outside = (xs: number[], allowed: number[]) => [...new Set(xs.filter((x) => !allowed.includes(x)))];
const mentioned = (answers: Answer[], markers: string[]) =>
  answers.flatMap((a) => markers.filter((m) => a.text.includes(m)).map((m) => `${a.url}: ${m}`));

describe('the jurisdiction leak matrix', () => {
  it('has a row for every documented GET route, so a new read endpoint cannot be missed', () => {
    const missing = documentedGets.filter((path) => !(path in MATRIX));
    expect(missing).toEqual([]);
  });

  // one database fixture per caller kind keeps each test short enough to read in a failure
  const rows = Object.entries(MATRIX).filter(
    ([path]) => documentedGets.includes(path) || path === '/api/tiles/grid-cells',
  );

  it('shows township A nothing of township B on any read route: no id, no name, no figure', async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      for (const [path, entry] of rows) {
        const answers = await ask(tx, townshipCaller(f.a.township), entry.urls(f));
        for (const a of answers) expect(a.status, `${a.url} as township A`).toBeLessThan(500);
        if (entry.kind === 'scoped')
          for (const a of answers) expect([200, 403, 404], `${a.url} as township A`).toContain(a.status);
        if (entry.kind === 'admin') for (const a of answers) expect(a.status, `${a.url} as township A`).toBe(403);
        expect(mentioned(answers, f.b.markers), `${path}: B's names as township A`).toEqual([]);
        if (entry.kind !== 'scoped') continue;
        const s = seenIn(entry, answers);
        expect(outside(s.venues, f.a.venues), `${path}: B's venues`).toEqual([]);
        expect(outside(s.hazards, f.a.hazards), `${path}: B's hazards`).toEqual([]);
        expect(outside(s.cells, f.a.cells), `${path}: B's cells`).toEqual([]);
        expect(outside(s.townships, [f.a.township]), `${path}: other townships`).toEqual([]);
        expect(outside(s.refs, f.a.refs), `${path}: B's reference points`).toEqual([]);
        // A's own things are answered (the filter is not "nothing at all")
        if (entry.territorial === undefined)
          expect(
            answers.some((a) => a.status === 200),
            `${path} answers A`,
          ).toBe(true);
        if (entry.figures) expect(entry.figures.of(answers[0]!.body!), `${path}: A's figures`).toEqual(entry.figures.a);
      }
    });
  });

  it('shows the catering department only catering venues and their hazards, and refuses it territorial answers', async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      const foreign = [...f.bike.markers, 'A-商店', 'B-商店'];
      for (const [path, entry] of rows) {
        const answers = await ask(tx, departmentCaller(f.food.department), entry.urls(f));
        expect(mentioned(answers, foreign), `${path}: other categories' names`).toEqual([]);
        if (entry.kind === 'admin') for (const a of answers) expect(a.status, `${a.url} as a department`).toBe(403);
        if (entry.kind !== 'scoped') continue;
        if (entry.territorial) {
          for (const a of answers) expect(a.status, `${a.url} as a department`).toBe(403);
          continue;
        }
        for (const a of answers) expect([200, 404], `${a.url} as a department`).toContain(a.status);
        const s = seenIn(entry, answers);
        expect(outside(s.venues, f.food.venues), `${path}: other categories' venues`).toEqual([]);
        expect(outside(s.hazards, f.food.hazards), `${path}: other categories' hazards`).toEqual([]);
        expect(s.cells, `${path}: cells`).toEqual([]);
        if (entry.figures?.food)
          expect(entry.figures.of(answers[0]!.body!), `${path}: the department's figures`).toEqual(entry.figures.food);
      }
    });
  });

  it('shows the city township B on every scoped route, so each row above can fail', async () => {
    await rolledBack(async (tx) => {
      const f: LeakFixture = await leakCity(tx);
      for (const [path, entry] of rows) {
        const answers = await ask(tx, cityCaller(), entry.urls(f));
        // the city reads everything but administers nothing
        if (entry.kind === 'admin') for (const a of answers) expect(a.status, `${a.url} as the city`).toBe(403);
        if (entry.kind !== 'scoped') continue;
        for (const a of answers) expect(a.status, `${a.url} as the city`).toBe(200);
        const s = seenIn(entry, answers);
        const ofB = [
          ...s.venues.filter((v) => f.b.venues.includes(v)),
          ...s.hazards.filter((h) => f.b.hazards.includes(h)),
          ...s.cells.filter((c) => f.b.cells.includes(c)),
          ...s.townships.filter((t) => t === f.b.township),
          ...s.refs.filter((r) => f.b.refs.includes(r)),
        ];
        const shown =
          ofB.length > 0 ||
          mentioned(answers, f.b.markers).length > 0 ||
          (entry.figures !== undefined && entry.figures.city.some((x, i) => x !== entry.figures!.a[i]));
        expect(shown, `${path}: the city sees B`).toBe(true);
        if (entry.figures)
          expect(entry.figures.of(answers[0]!.body!), `${path}: the city's figures`).toEqual(entry.figures.city);
      }
    });
  });

  it('refuses township A an explicit request for township B with 403, and answers its own id', async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      const params = [
        '/api/stats/summary?',
        '/api/venues?',
        '/api/hazards?',
        '/api/grid-cells?',
        '/api/blind-spots?',
        '/api/rebounds/clusters?',
        '/api/rebounds/stats?',
        '/api/export/venues.csv?',
        '/api/export/hazards.geojson?',
      ];
      const own = await ask(
        tx,
        townshipCaller(f.a.township),
        params.map((p) => `${p}township=${f.a.township}`),
      );
      expect(own.map((a) => a.status)).toEqual(params.map(() => 200));
      const other = await ask(
        tx,
        townshipCaller(f.a.township),
        params.map((p) => `${p}township=${f.b.township}`),
      );
      expect(other.map((a) => a.status)).toEqual(params.map(() => 403));
      expect(JSON.parse(other[0]!.text).detail).toMatch(/outside your jurisdiction/);
    });
  });

  it('answers a request without a caller with 401 on every scoped route', async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      const { app } = await testApp(tx, { caller: null });
      for (const [path, entry] of rows) {
        if (entry.kind === 'unscoped' && path !== '/api/context/streets') continue;
        const url = entry.urls(f)[0]!;
        expect((await app.request(url)).status, url).toBe(401);
      }
    });
  });
});
