// Cases for the query and path parameters of every read endpoint, found by walking the OpenAPI
// document (so a new route or parameter is fuzzed without editing this file). Each case sends
// one bad parameter: values its JSON Schema (type, range, enum, pattern, length) refuses, bad
// dates, broken bounding boxes and zoom levels; free-text parameters get hostile text, which
// must not break the server.
import { openApiDocument } from '../../openapi/openapi.ts';
import type { FuzzFixture } from './fuzz-fixture.ts';
import type { FuzzCase } from './harness.ts';
import { BAD_BBOXES, BAD_DATES, BAD_SCALARS, HOSTILE_TEXT, prng } from './hostile.ts';

interface ParamSchema {
  type?: string;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
}
interface Parameter {
  name: string;
  in: 'query' | 'path';
  schema: ParamSchema;
}

const isDateParam = (s: ParamSchema) => s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') ?? false;

/** Whether the schema accepts the text: a value it accepts is not a bad value. */
function accepts(s: ParamSchema, v: string): boolean {
  if (s.enum) return s.enum.includes(v);
  if (s.type === 'integer' || s.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(v)) return false;
    const n = Number(v);
    if (s.type === 'integer' && !Number.isInteger(n)) return false;
    if (s.minimum !== undefined && n < s.minimum) return false;
    if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return false;
    return s.maximum === undefined || n <= s.maximum;
  }
  if (s.pattern && !new RegExp(s.pattern).test(v)) return false;
  if (s.minLength !== undefined && v.length < s.minLength) return false;
  return s.maxLength === undefined || v.length <= s.maxLength;
}

/** Bad values for a parameter, and whether the server must refuse them or only survive them. */
function badValues(p: Parameter): { value: string; expect: FuzzCase['expect'] }[] {
  const s = p.schema;
  const refused = (values: readonly string[]) => values.map((value) => ({ value, expect: 'refused' as const }));
  if (p.name === 'bbox') return refused(BAD_BBOXES);
  if (p.name === 'zoom') return refused(['abc', 'NaN', '-1', '1.5', '23', '99', '1e309', '', '0x1']);
  if (isDateParam(s)) return refused(BAD_DATES);
  const structured = s.enum !== undefined || s.pattern !== undefined || s.type === 'integer' || s.type === 'number';
  if (structured) {
    return refused(BAD_SCALARS.filter((v) => !accepts(s, v)));
  }
  // free text: too short or too long is refused, anything else in range is legal but hostile
  return [...BAD_SCALARS, ...HOSTILE_TEXT].map((value) => ({
    value,
    expect: accepts(s, value.trim()) ? 'survives' : 'refused',
  }));
}

/** A value every path parameter of the fixture accepts (so only the fuzzed one is wrong). */
function goodPathValue(name: string, f: FuzzFixture): string {
  if (name === 'id') return String(f.venueId);
  if (name === 'layer') return 'venues';
  if (name === 'code') return f.ruleCode;
  return '0';
}

// account administration and import reports are read by admins only: asked as the city, hostile
// text would meet a 403 and never reach the query
const asker = (docPath: string) =>
  docPath.startsWith('/api/auth/') || docPath.startsWith('/api/import/') ? 'admin' : 'city';

export function readCases(f: FuzzFixture, seed = 20261130): FuzzCase[] {
  const rng = prng(seed);
  const cases: FuzzCase[] = [];
  for (const [docPath, ops] of Object.entries(openApiDocument().paths)) {
    const op = (ops as Record<string, { parameters: Parameter[] }>).get;
    if (!op) continue;
    const concrete = (fuzzed?: Parameter, value?: string) =>
      docPath.replace(/\{([a-z]+)\}/gi, (_m, name: string) =>
        encodeURIComponent(fuzzed && fuzzed.name === name ? value! : goodPathValue(name, f)),
      );
    for (const p of op.parameters) {
      const values = badValues(p);
      // a seeded sample per parameter keeps the suite to a few minutes on two cores; the same
      // parameter recurs on many routes, so together they still see every value
      const chosen = rng.sample(values, p.in === 'path' ? 16 : 10);
      for (const { value, expect } of chosen) {
        const path = p.in === 'path' ? concrete(p, value) : `${concrete()}?${new URLSearchParams({ [p.name]: value })}`;
        cases.push({
          label: `${p.name} = ${JSON.stringify(value.slice(0, 30))}`,
          method: 'GET',
          path,
          as: asker(docPath),
          expect,
          writes: false,
        });
      }
      // a parameter given twice is ambiguous
      if (p.in === 'query' && p.name !== 'q') {
        const ok = isDateParam(p.schema)
          ? '2026-11-01'
          : (p.schema.enum?.[0] ?? (p.name === 'bbox' ? '121,30,121.1,30.1' : '1'));
        cases.push({
          label: `${p.name} given twice`,
          method: 'GET',
          path: `${concrete()}?${p.name}=${encodeURIComponent(ok)}&${p.name}=${encodeURIComponent(ok)}`,
          as: asker(docPath),
          expect: 'survives',
          writes: false,
        });
      }
    }
  }
  return cases;
}

/** Every documented read, for the coverage check. */
export function documentedReads(): string[] {
  return Object.entries(openApiDocument().paths)
    .filter(([, ops]) => 'get' in ops)
    .map(([path]) => path);
}
