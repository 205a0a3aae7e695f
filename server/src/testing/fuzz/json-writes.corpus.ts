// Cases for every JSON write: each field of a valid body replaced by hostile values, fields
// dropped and added, malformed JSON, wrong content types, bad path ids, an oversized body, and
// seeded random combinations. Whether a mutated body is legal is decided by the route's own
// contract schema: illegal ones must be refused, legal ones (an injection string as a name) must
// at least not break the server. Write routes the corpus has no template for (found by walking
// the OpenAPI document) still get the structural cases.
import type { z } from 'zod';
import {
  acceptanceCreateSchema,
  departmentCreateSchema,
  departmentUpdateSchema,
  gradingRuleUpdateSchema,
  hazardTypeCreateSchema,
  hazardTypeUpdateSchema,
  hazardAssignSchema,
  hazardNoteSchema,
  patrolCreateSchema,
  gridCellWorkerSchema,
  policyUpdateSchema,
  userCreateSchema,
  userUpdateSchema,
  venueCloseSchema,
  venueCreateSchema,
  venuePatchSchema,
} from '@svm/contract';
import { openApiDocument } from '../../openapi/openapi.ts';
import type { FuzzFixture } from './fuzz-fixture.ts';
import type { FuzzCase } from './harness.ts';
import {
  BAD_SCALARS,
  HOSTILE_JSON,
  HOSTILE_TEXT,
  MALFORMED_JSON,
  prng,
  WRONG_CONTENT_TYPES,
  type Prng,
} from './hostile.ts';

type Json = Record<string, unknown>;
interface Template {
  method: string;
  /** OpenAPI path, e.g. /api/hazards/{id}/assign */
  docPath: string;
  path: string;
  schema: z.ZodType;
  body: Json;
  as: string;
}

const BAD_LOCATIONS: readonly unknown[] = [
  [181, 30],
  [-181, 30],
  [121, 91],
  [121, -91],
  [121],
  [121, 30, 5],
  ['121', '30'],
  [null, null],
  [1e308, 1e308],
  [121.02, 30.02, 0],
  { lon: 121, lat: 30 },
  '121,30',
  [[121, 30]],
];

function templates(f: FuzzFixture): Template[] {
  const v = f.venueId;
  return [
    {
      method: 'POST',
      docPath: '/api/venues',
      path: '/api/venues',
      schema: venueCreateSchema,
      as: 'admin',
      body: {
        name: '新店',
        address: '中山路1号',
        category: 'retail',
        riskLevel: 'low',
        occupancy: 3,
        floorAreaM2: 40,
        indoorEbikeCharging: false,
        location: [121.02, 30.03],
        registeredAt: '2026-11-01',
      },
    },
    {
      method: 'PATCH',
      docPath: '/api/venues/{id}',
      path: `/api/venues/${v}`,
      schema: venuePatchSchema,
      as: 'admin',
      body: { name: '改名', riskLevel: 'medium', location: [121.03, 30.04] },
    },
    {
      method: 'POST',
      docPath: '/api/venues/{id}/close',
      path: `/api/venues/${v}/close`,
      schema: venueCloseSchema,
      as: 'admin',
      body: { closedAt: '2026-11-20' },
    },
    {
      method: 'POST',
      docPath: '/api/patrols',
      path: '/api/patrols',
      schema: patrolCreateSchema,
      as: 'worker',
      body: {
        venueId: v,
        patrolledAt: '2026-11-25T08:00:00Z',
        result: 'hazards_found',
        note: '巡查',
        hazards: [
          {
            typeCode: 'unsafe_wiring',
            severity: 'general',
            description: '线路',
            fixedOnSpot: false,
            responsiblePerson: '王五',
            deadline: '2026-12-01',
          },
        ],
      },
    },
    {
      method: 'POST',
      docPath: '/api/hazards/{id}/assign',
      path: `/api/hazards/${f.openHazardId}/assign`,
      schema: hazardAssignSchema,
      as: 'admin',
      body: { responsiblePerson: '王五', responsiblePhone: '13800000000', deadline: '2026-12-15' },
    },
    {
      method: 'POST',
      docPath: '/api/hazards/{id}/rectified',
      path: `/api/hazards/${f.openHazardId}/rectified`,
      schema: hazardNoteSchema,
      as: 'admin',
      body: { note: '已整改' },
    },
    {
      method: 'POST',
      docPath: '/api/hazards/{id}/acceptances',
      path: `/api/hazards/${f.rectifiedHazardId}/acceptances`,
      schema: acceptanceCreateSchema,
      as: 'city',
      body: { party: 'special', passed: true, note: '验收' },
    },
    {
      method: 'POST',
      docPath: '/api/hazards/{id}/close',
      path: `/api/hazards/${f.rectifiedHazardId}/close`,
      schema: hazardNoteSchema,
      as: 'admin',
      body: { note: '销号' },
    },
    {
      method: 'PUT',
      docPath: '/api/policy',
      path: '/api/policy',
      schema: policyUpdateSchema,
      as: 'admin',
      body: {
        highDays: 7,
        mediumDays: 14,
        lowDays: 30,
        reboundWindowDays: 180,
        clusterEpsM: 300,
        gradeHighScore: 60,
        gradeMediumScore: 30,
      },
    },
    {
      method: 'POST',
      docPath: '/api/hazard-types',
      path: '/api/hazard-types',
      schema: hazardTypeCreateSchema,
      as: 'admin',
      body: {
        code: 'FZ-12.3',
        name: '消防设施损坏',
        nameEn: 'Fire equipment broken',
        defaultSeverity: 'major',
        categories: ['retail'],
      },
    },
    {
      method: 'PATCH',
      docPath: '/api/hazard-types/{code}',
      path: '/api/hazard-types/no_extinguisher',
      schema: hazardTypeUpdateSchema,
      as: 'admin',
      body: { name: '灭火器失效', defaultSeverity: 'major', categories: ['catering'], retired: true },
    },
    {
      method: 'POST',
      docPath: '/api/departments',
      path: '/api/departments',
      schema: departmentCreateSchema,
      as: 'admin',
      body: { code: 'fz_market', name: '市场监管局', nameEn: 'Market Regulation', categories: ['repair', 'other'] },
    },
    {
      method: 'PATCH',
      docPath: '/api/departments/{code}',
      path: '/api/departments/fx_commerce',
      schema: departmentUpdateSchema,
      as: 'admin',
      body: { name: '商务和粮食局', nameEn: 'Commerce', categories: ['catering'] },
    },
    {
      method: 'PUT',
      docPath: '/api/grading-rules/{code}',
      path: `/api/grading-rules/${f.ruleCode}`,
      schema: gradingRuleUpdateSchema,
      as: 'admin',
      body: { points: 10, enabled: true },
    },
    {
      method: 'POST',
      docPath: '/api/auth/users',
      path: '/api/auth/users',
      schema: userCreateSchema,
      as: 'admin',
      body: {
        username: 'fz_new',
        displayName: '新网格员',
        role: 'grid_worker',
        townshipId: f.townshipId,
        phone: '13800000000',
        password: 'a long password',
      },
    },
    {
      method: 'PATCH',
      docPath: '/api/auth/users/{id}',
      path: `/api/auth/users/${f.workerId}`,
      schema: userUpdateSchema,
      as: 'admin',
      body: { displayName: '张三丰', phone: '13800000000', active: true, password: 'a long password' },
    },
    {
      method: 'PUT',
      docPath: '/api/grid-cells/{id}/worker',
      path: `/api/grid-cells/${f.freeCellId}/worker`,
      schema: gridCellWorkerSchema,
      as: 'admin',
      body: { workerId: f.workerId },
    },
  ];
}

/** Field paths of a body, including the fields of the first element of a list of objects. */
function fieldPaths(body: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const [key, value] of Object.entries(body)) {
    out.push([key]);
    if (Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null) {
      for (const inner of Object.keys(value[0] as Json)) out.push([key, 0, inner]);
    }
  }
  return out;
}

function setAt(body: Json, path: readonly (string | number)[], value: unknown, remove = false): Json {
  const copy: Json = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    const inner = node[step];
    // an earlier mutation replaced the parent with a scalar: nothing left to change inside it
    if (typeof inner !== 'object' || inner === null) return copy;
    node = inner as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const verdict = (t: Template, body: unknown): FuzzCase['expect'] =>
  t.schema.safeParse(body).success ? 'survives' : 'refused';

function jsonCase(t: Template, label: string, body: unknown, expect = verdict(t, body)): FuzzCase {
  return {
    label,
    method: t.method,
    path: t.path,
    contentType: 'application/json',
    body: JSON.stringify(body),
    as: t.as,
    expect,
    writes: true,
  };
}

function templateCases(t: Template, rng: Prng, everything: boolean): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const path of fieldPaths(t.body)) {
    const name = path.join('.');
    const original = path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], t.body);
    const values = [
      ...rng.sample(HOSTILE_JSON, everything ? HOSTILE_JSON.length : 9),
      ...(typeof original === 'string' ? rng.sample(HOSTILE_TEXT, everything ? HOSTILE_TEXT.length : 6) : []),
      ...(name === 'location' ? BAD_LOCATIONS : []),
    ];
    for (const value of values)
      cases.push(jsonCase(t, `${name} = ${JSON.stringify(value)?.slice(0, 40)}`, setAt(t.body, path, value)));
    cases.push(jsonCase(t, `without ${name}`, setAt(t.body, path, undefined, true)));
  }
  cases.push(jsonCase(t, 'an unknown field', { ...t.body, isAdmin: true }));
  cases.push(jsonCase(t, 'the body as a list', [t.body]));
  cases.push(jsonCase(t, 'an empty object', {}));
  const acceptsEmpty = t.schema.safeParse({}).success;
  for (const text of everything ? MALFORMED_JSON : rng.sample(MALFORMED_JSON, 6)) {
    let parsed: { ok: true; value: unknown } | { ok: false } = { ok: false };
    try {
      parsed = { ok: true, value: JSON.parse(text) };
    } catch {
      /* not JSON: refused unless the route reads a missing body as {} */
    }
    const expect = parsed.ok ? verdict(t, parsed.value) : acceptsEmpty && text.trim() === '' ? 'survives' : 'refused';
    cases.push({
      label: `malformed JSON ${JSON.stringify(text.slice(0, 30))}`,
      method: t.method,
      path: t.path,
      contentType: 'application/json',
      body: text,
      as: t.as,
      expect,
      writes: true,
    });
  }
  for (const type of rng.sample(WRONG_CONTENT_TYPES, everything ? WRONG_CONTENT_TYPES.length : 3)) {
    cases.push({ ...jsonCase(t, `Content-Type ${type}`, t.body, 'refused'), contentType: type });
  }
  if (t.docPath.includes('{')) {
    for (const bad of [...rng.sample(BAD_SCALARS, everything ? BAD_SCALARS.length : 8), '2147483647', '2147483648']) {
      const path = t.docPath.replace(/\{[a-z]+\}/, encodeURIComponent(bad));
      // ids are plain decimal digits: " 1", "0x1" or "1e0" are refused like any other bad id
      cases.push({ ...jsonCase(t, `path parameter ${JSON.stringify(bad.slice(0, 30))}`, t.body, 'refused'), path });
    }
  }
  cases.push(jsonCase(t, 'a body over 1 MiB', { ...t.body, name: 'x'.repeat(1024 * 1024 + 10) }, 'refused'));
  return cases;
}

/** Random combinations: two or three fields of a random template replaced at once. */
function combinations(ts: readonly Template[], rng: Prng, n: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < n; i++) {
    const t = rng.pick(ts);
    let body = t.body;
    const changed: string[] = [];
    for (const path of rng.sample(fieldPaths(t.body), 2 + rng.int(2))) {
      const value = rng.next() < 0.5 ? rng.pick(HOSTILE_JSON) : rng.pick(HOSTILE_TEXT);
      body = setAt(body, path, value);
      changed.push(`${path.join('.')}=${JSON.stringify(value)?.slice(0, 20)}`);
    }
    cases.push(jsonCase(t, `random #${i}: ${changed.join(', ')}`, body));
  }
  return cases;
}

/** Write operations the templates do not cover: structural cases only, sent as the admin. */
function otherWrites(covered: ReadonlySet<string>, rng: Prng): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [path, ops] of Object.entries(openApiDocument().paths)) {
    for (const method of Object.keys(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (method === 'get' || covered.has(key) || path.startsWith('/api/import/')) continue;
      const concrete = path.replace(/\{[a-z]+\}/g, '1');
      const send = (label: string, body: string, contentType = 'application/json'): FuzzCase => ({
        label,
        method: method.toUpperCase(),
        path: concrete,
        contentType,
        body,
        as: 'admin',
        expect: 'survives',
        writes: true,
      });
      for (const text of rng.sample(MALFORMED_JSON, 8))
        cases.push(send(`malformed JSON ${JSON.stringify(text.slice(0, 30))}`, text));
      for (const value of rng.sample(HOSTILE_JSON, 6))
        cases.push(
          send(
            `hostile body ${JSON.stringify(value)?.slice(0, 30)}`,
            JSON.stringify({ username: value, password: value, name: value, scope: value }),
          ),
        );
      cases.push(send('a body over 1 MiB', JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })));
      cases.push(send('Content-Type text/plain', '{}', 'text/plain'));
    }
  }
  return cases;
}

export function jsonWriteCases(f: FuzzFixture, seed = 20261130): FuzzCase[] {
  const rng = prng(seed);
  const ts = templates(f);
  // a seeded sample of values per field keeps the suite to a minute or two on two cores
  // (every case checksums the whole database); the random combinations add more
  const cases = ts.flatMap((t) => templateCases(t, rng, false));
  cases.push(...combinations(ts, rng, 60));
  cases.push(...otherWrites(new Set(ts.map((t) => `${t.method} ${t.docPath}`)), rng));
  return cases;
}

/** Every write operation of the OpenAPI document, for the coverage check. */
export function documentedWrites(): string[] {
  return Object.entries(openApiDocument().paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => m !== 'get')
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}
