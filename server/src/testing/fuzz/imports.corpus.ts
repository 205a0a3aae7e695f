// Cases for every import: CSV files with one cell replaced by a value its column cannot hold,
// required columns dropped, broken quoting, ragged rows, bad bytes and delimiters; GeoJSON with
// the wrong shape, out-of-range or non-numeric coordinates, open, short and self-intersecting
// rings, bad properties; wrong content types and an oversized file. Free-text cells get hostile
// text, which is legal (it must be stored or refused, never break the server).
import type { FuzzFixture } from './fuzz-fixture.ts';
import type { FuzzCase } from './harness.ts';
import { BAD_DATES, HOSTILE_TEXT, MALFORMED_JSON, prng, WRONG_CONTENT_TYPES, type Prng } from './hostile.ts';

type Kind =
  'id' | 'text' | 'requiredText' | 'enum' | 'optionalEnum' | 'lon' | 'lat' | 'date' | 'bool' | 'optionalBool' | 'ref';
interface CsvTemplate {
  kind: string;
  columns: [string, Kind, string][];
}

/** Values a column of this kind cannot hold (refused), and legal-but-hostile ones (survives). */
const BAD_BY_KIND: Record<Kind, { refused: string[]; survives: string[] }> = {
  id: { refused: ['', 'x'.repeat(65)], survives: ["'; DROP TABLE venues; --", '👩‍👩‍👧‍👦', '\u202Eid'] },
  text: { refused: [], survives: [...HOSTILE_TEXT.filter((t) => t.length < 1000), '=HYPERLINK("http://x")'] },
  requiredText: { refused: [''], survives: ["'; DROP TABLE venues; --", '<script>', '\u0000', '👩‍👩‍👧‍👦'] },
  enum: { refused: ['nope', "x'; DROP TABLE venues; --", '1', 'NULL'], survives: [] },
  optionalEnum: { refused: ['nope', "x'; DROP TABLE venues; --", '1', 'NULL'], survives: [''] },
  lon: { refused: ['abc', 'NaN', 'Infinity', '181', '-181', '1e309', '', '0x10', '121,5', '121.02.1'], survives: [] },
  lat: { refused: ['91', '-91', 'NaN', '-Infinity', 'abc', '', '1e400'], survives: [] },
  date: { refused: [...BAD_DATES, ''], survives: [] },
  bool: { refused: ['maybe', '2', '-1', 'truee', 'NaN'], survives: [] },
  optionalBool: { refused: ['maybe', '2', '-1', 'truee', 'NaN'], survives: [''] },
  ref: { refused: ['NO-SUCH', "'; DROP TABLE venues; --", ''], survives: [] },
};

function csvTemplates(): CsvTemplate[] {
  return [
    {
      kind: 'venues',
      columns: [
        ['external_id', 'id', 'FZ-1'],
        ['name', 'requiredText', '新店'],
        ['address', 'text', '中山路1号'],
        ['category', 'enum', 'retail'],
        ['risk_level', 'enum', 'low'],
        ['lon', 'lon', '121.02'],
        ['lat', 'lat', '30.03'],
        ['registered_at', 'date', '2026-01-01'],
        ['indoor_ebike_charging', 'optionalBool', 'false'],
      ],
    },
    {
      kind: 'patrols',
      columns: [
        ['external_id', 'id', 'FZ-P1'],
        ['venue_external_id', 'ref', 'FX-V1'],
        ['worker_username', 'ref', 'fx_zhang'],
        ['patrolled_at', 'date', '2026-11-26T08:00:00Z'],
        ['result', 'enum', 'ok'],
        ['note', 'text', '巡查'],
      ],
    },
    {
      kind: 'hazards',
      columns: [
        ['external_id', 'id', 'FZ-H1'],
        ['venue_external_id', 'ref', 'FX-V1'],
        ['type_code', 'enum', 'blocked_exit'],
        ['status', 'enum', 'open'],
        ['found_at', 'date', '2026-11-02T08:00:00Z'],
        ['description', 'text', '堵塞'],
      ],
    },
    {
      kind: 'hazard-types',
      columns: [
        ['code', 'id', 'FZ-12.3'],
        ['name', 'requiredText', '消防设施损坏'],
        ['name_en', 'text', 'Fire equipment broken'],
        ['retired', 'optionalBool', 'false'],
      ],
    },
    {
      kind: 'departments',
      columns: [
        ['code', 'id', 'fz_market'],
        ['name', 'requiredText', '市场监管局'],
        ['name_en', 'text', 'Market Regulation'],
        // a new department may come without its categories (none yet)
        ['categories', 'optionalEnum', 'repair;other'],
      ],
    },
    {
      kind: 'accounts',
      columns: [
        ['username', 'id', 'fz_new'],
        ['display_name', 'requiredText', '新网格员'],
        ['role', 'enum', 'planner'],
      ],
    },
    {
      kind: 'acceptances',
      columns: [
        ['external_id', 'id', 'FZ-A1'],
        ['hazard_external_id', 'ref', 'FX-H2'],
        ['party', 'enum', 'special'],
        ['passed', 'bool', 'true'],
        ['at', 'date', '2026-11-12T00:00:00Z'],
        ['note', 'text', '验收'],
      ],
    },
  ];
}

/** RFC 4180 quoting of one cell. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header: string[], rows: string[][]) =>
  [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

function csvCase(
  kind: string,
  label: string,
  body: string | Uint8Array,
  expect: FuzzCase['expect'],
  contentType = 'text/csv; charset=utf-8',
): FuzzCase {
  return { label, method: 'POST', path: `/api/import/${kind}`, contentType, body, as: 'admin', expect, writes: true };
}

function csvCases(t: CsvTemplate, rng: Prng): FuzzCase[] {
  const header = t.columns.map(([name]) => name);
  const row = t.columns.map(([, , value]) => value);
  const cases: FuzzCase[] = [];
  t.columns.forEach(([name, kind], i) => {
    const { refused, survives } = BAD_BY_KIND[kind];
    for (const v of refused)
      cases.push(
        csvCase(t.kind, `${name} = ${JSON.stringify(v.slice(0, 30))}`, csv(header, [row.with(i, v)]), 'refused'),
      );
    for (const v of rng.sample(survives, 8))
      cases.push(
        csvCase(t.kind, `${name} = ${JSON.stringify(v.slice(0, 30))}`, csv(header, [row.with(i, v)]), 'survives'),
      );
    // every template column is required except the free-text ones and optional flags
    if (kind !== 'text' && kind !== 'optionalBool' && kind !== 'optionalEnum')
      cases.push(
        csvCase(t.kind, `without column ${name}`, csv(header.toSpliced(i, 1), [row.toSpliced(i, 1)]), 'refused'),
      );
  });
  const good = csv(header, [row]);
  const structural: [string, string | Uint8Array][] = [
    ['an empty file', ''],
    ['only a BOM', '\uFEFF'],
    ['an unknown column', csv([...header, 'is_admin'], [[...row, 'true']])],
    ['a duplicated column', csv([...header, header[0]!], [[...row, row[0]!]])],
    ['a row with an extra field', `${good}${row.join(',')},extra\r\n`],
    ['a row missing a field', `${good}${row.slice(1).join(',')}\r\n`],
    ['an unterminated quote', `${header.join(',')}\r\n"${row.join(',')}\r\n`],
    ['a quote inside an unquoted field', `${header.join(',')}\r\n${row[0]}x"y,${row.slice(1).join(',')}\r\n`],
    ['semicolons instead of commas', `${header.join(';')}\r\n${row.join(';')}\r\n`],
    ['a NUL in the header', `${header[0]}\u0000,${header.slice(1).join(',')}\r\n${row.join(',')}\r\n`],
    [
      'invalid UTF-8 bytes',
      new Uint8Array([...new TextEncoder().encode(`${header.join(',')}\r\n`), 0xff, 0xfe, 0xc3, 0x28, 0x0a]),
    ],
    [
      'UTF-16 text',
      new Uint8Array([0xff, 0xfe, ...[...good].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]),
    ],
    [
      'ten thousand columns',
      `${header.join(',')},${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\r\n${row.join(',')}\r\n`,
    ],
    ['JSON instead of CSV', '{"external_id": "FZ-1"}'],
  ];
  for (const [label, body] of structural) cases.push(csvCase(t.kind, label, body, 'refused'));
  // a header without rows imports nothing, which is not an error
  cases.push(csvCase(t.kind, 'a header and no rows', csv(header, []), 'survives'));
  for (const type of rng.sample(WRONG_CONTENT_TYPES, 3))
    cases.push(csvCase(t.kind, `Content-Type ${type}`, good, 'refused', type));
  return cases;
}

const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: unknown) => ({ type: 'Feature', geometry, properties });

/** `strict`: properties with a pattern or a list of values (hostile text is refused there) */
interface GeoTemplate {
  kind: string;
  geometry: Record<string, unknown>;
  properties: Record<string, unknown>;
  strict: string[];
}

function geoTemplates(): GeoTemplate[] {
  return [
    {
      kind: 'townships',
      geometry: { type: 'Polygon', coordinates: [ring(122.0, 31.0, 122.1, 31.1)] },
      properties: { code: 'FZ-T', name: '新镇', nameEn: 'New Town', kind: 'town' },
      strict: ['code', 'kind'],
    },
    {
      kind: 'grid-cells',
      geometry: { type: 'Polygon', coordinates: [ring(121.0, 30.0, 121.01, 30.01)] },
      properties: { code: 'FZ-C', name: '新网格', townshipCode: 'FX-A' },
      strict: ['code', 'townshipCode'],
    },
    {
      kind: 'reference-points',
      geometry: { type: 'Point', coordinates: [121.02, 30.03] },
      properties: { source: 'osm', externalId: 'n1', name: '小店', category: 'retail' },
      strict: [],
    },
  ];
}

const BAD_GEOMETRIES: [string, unknown][] = [
  ['no geometry', null],
  ['a geometry without coordinates', { type: 'Polygon' }],
  ['an unknown geometry type', { type: 'Circle', coordinates: [121, 30] }],
  [
    'a LineString',
    {
      type: 'LineString',
      coordinates: [
        [121, 30],
        [121.1, 30.1],
      ],
    },
  ],
  [
    'string coordinates',
    {
      type: 'Polygon',
      coordinates: [
        [
          ['121', '30'],
          ['121.1', '30'],
          ['121.1', '30.1'],
          ['121', '30'],
        ],
      ],
    },
  ],
  ['NaN coordinates', { type: 'Point', coordinates: ['NaN', 'NaN'] }],
  [
    'null coordinates',
    {
      type: 'Polygon',
      coordinates: [
        [
          [null, null],
          [1, 1],
          [2, 2],
          [null, null],
        ],
      ],
    },
  ],
  ['longitude 200', { type: 'Polygon', coordinates: [ring(200, 30, 201, 31)] }],
  ['latitude 95', { type: 'Polygon', coordinates: [ring(121, 95, 122, 96)] }],
  ['coordinates of 1e308', { type: 'Point', coordinates: [1e308, 1e308] }],
  [
    'an open ring',
    {
      type: 'Polygon',
      coordinates: [
        [
          [121, 30],
          [121.1, 30],
          [121.1, 30.1],
          [121, 30.1],
        ],
      ],
    },
  ],
  [
    'a ring of three positions',
    {
      type: 'Polygon',
      coordinates: [
        [
          [121, 30],
          [121.1, 30],
          [121, 30],
        ],
      ],
    },
  ],
  [
    'a self-intersecting bow tie',
    {
      type: 'Polygon',
      coordinates: [
        [
          [121, 30],
          [121.1, 30.1],
          [121.1, 30],
          [121, 30.1],
          [121, 30],
        ],
      ],
    },
  ],
  [
    'a hole outside its shell',
    { type: 'Polygon', coordinates: [ring(121, 30, 121.01, 30.01), ring(121.5, 30.5, 121.6, 30.6)] },
  ],
  [
    'a ring that spikes back on itself',
    {
      type: 'Polygon',
      coordinates: [
        [
          [121, 30],
          [121.1, 30],
          [121.05, 30],
          [121, 30.1],
          [121, 30],
        ],
      ],
    },
  ],
  ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }],
  ['a position of one number', { type: 'Point', coordinates: [121] }],
  ['a GeometryCollection', { type: 'GeometryCollection', geometries: [] }],
];

function geoCases(t: GeoTemplate, rng: Prng): FuzzCase[] {
  const send = (
    label: string,
    body: string,
    expect: FuzzCase['expect'],
    contentType = 'application/geo+json',
  ): FuzzCase => ({
    label,
    method: 'POST',
    path: `/api/import/${t.kind}`,
    contentType,
    body,
    as: 'admin',
    expect,
    writes: true,
  });
  const cases: FuzzCase[] = [];
  for (const [label, geometry] of BAD_GEOMETRIES) {
    // a Point is the wrong type for the polygon layers and the other way round; all of these are refused
    cases.push(send(label, fc([feature(geometry, t.properties)]), 'refused'));
  }
  for (const name of Object.keys(t.properties)) {
    const { [name]: _dropped, ...rest } = t.properties;
    // the reference layer's name is optional; every other property of the templates is required
    // the reference layer's properties are all optional labels (README: source, externalId, name, category)
    const lenient = t.kind === 'reference-points';
    cases.push(send(`without property ${name}`, fc([feature(t.geometry, rest)]), lenient ? 'survives' : 'refused'));
    for (const v of [123, null, [], { a: 1 }, true]) {
      cases.push(
        send(
          `${name} = ${JSON.stringify(v)}`,
          fc([feature(t.geometry, { ...t.properties, [name]: v })]),
          lenient ? 'survives' : 'refused',
        ),
      );
    }
    const strict = t.strict.includes(name);
    const texts = strict ? ["'; DROP TABLE venues; --", 'x'.repeat(500), ''] : rng.sample(HOSTILE_TEXT, 6);
    for (const v of texts)
      cases.push(
        send(
          `${name} = ${JSON.stringify(v.slice(0, 30))}`,
          fc([feature(t.geometry, { ...t.properties, [name]: v })]),
          strict ? 'refused' : 'survives',
        ),
      );
  }
  const structural: [string, string][] = [
    ['no features', fc([])],
    ['features that are not a list', JSON.stringify({ type: 'FeatureCollection', features: {} })],
    ['a bare Feature', JSON.stringify(feature(t.geometry, t.properties))],
    ['a bare geometry', JSON.stringify(t.geometry)],
    ['a feature of the wrong type', fc([{ type: 'Banana', geometry: t.geometry, properties: t.properties }])],
    ['null properties', fc([feature(t.geometry, null)])],
    ['a list of features', JSON.stringify([feature(t.geometry, t.properties)])],
    ['a feature that is a string', fc(['feature'])],
  ];
  for (const [label, body] of structural) cases.push(send(label, body, 'refused'));
  if (t.kind === 'grid-cells') {
    // a cell of two parts is a cell; one 1,000 km from its township (FX-A, 121.0-121.1°E) is not
    const twoParts = {
      type: 'MultiPolygon',
      coordinates: [[ring(121.0, 30.0, 121.01, 30.01)], [ring(121.02, 30.0, 121.03, 30.01)]],
    };
    cases.push(send('a MultiPolygon cell of two parts', fc([feature(twoParts, t.properties)]), 'survives'));
    const far = { type: 'Polygon', coordinates: [ring(131.0, 30.0, 131.01, 30.01)] };
    cases.push(send('a cell 1,000 km outside its township', fc([feature(far, t.properties)]), 'refused'));
  }
  for (const text of rng.sample(MALFORMED_JSON, 10))
    cases.push(send(`malformed JSON ${JSON.stringify(text.slice(0, 30))}`, text, 'refused'));
  for (const type of rng.sample(WRONG_CONTENT_TYPES, 3))
    cases.push(send(`Content-Type ${type}`, fc([feature(t.geometry, t.properties)]), 'refused', type));
  return cases;
}

export function importCases(_f: FuzzFixture, seed = 20261130): FuzzCase[] {
  const rng = prng(seed);
  const cases = [
    ...csvTemplates().flatMap((t) => csvCases(t, rng)),
    ...geoTemplates().flatMap((t) => geoCases(t, rng)),
  ];
  // one file past the 20 MiB import limit, sent for real (not just a Content-Length)
  const line = 'FZ-X,名字,地址,retail,low,121.02,30.03,2026-01-01\r\n';
  cases.push(
    csvCase(
      'venues',
      'a file over 20 MiB',
      `external_id,name,address,category,risk_level,lon,lat,registered_at\r\n${line.repeat(Math.ceil((21 * 1024 * 1024) / line.length))}`,
      'refused',
    ),
  );
  // Prefer values that are not respond-async are ignored (RFC 7240): the import answers at once.
  // (respond-async itself answers 202 and runs in the background: import-jobs.test.ts covers it.)
  const good =
    'external_id,name,category,risk_level,lon,lat,registered_at\r\nFZ-P,新店,retail,low,121.02,30.03,2026-01-01\r\n';
  const bad = good.replace('retail', 'bakery');
  const prefers = [
    'respond-asyncx',
    '"respond-async"',
    'wait=abc',
    'return=minimal',
    'respond-sync',
    '\u00a0',
    'x'.repeat(4000),
  ];
  for (const prefer of prefers) {
    const label = `Prefer: ${JSON.stringify(prefer.slice(0, 30))}`;
    cases.push({ ...csvCase('venues', `${label} on a bad file`, bad, 'refused'), headers: { Prefer: prefer } });
    cases.push({ ...csvCase('venues', `${label} on a good file`, good, 'survives'), headers: { Prefer: prefer } });
  }
  return cases;
}
