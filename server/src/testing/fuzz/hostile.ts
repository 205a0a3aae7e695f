// The fuzz suite's raw material: a seeded pseudo-random generator (so the corpus is the same on
// every run and a failure can be replayed) and pools of hostile values.

/** mulberry32: small, fast, good enough to pick corpus entries deterministically. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** `k` distinct entries of `xs` (all of them when k >= length), in a stable order */
    sample: <T>(xs: readonly T[], k: number): T[] => {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    },
  };
}
export type Prng = ReturnType<typeof prng>;

/** Text a client may legally send in a free-text field, but that breaks naive code. */
export const HOSTILE_TEXT: readonly string[] = [
  "'; DROP TABLE venues; --",
  "' OR '1'='1",
  '" OR ""="',
  '$1',
  "%' OR 1=1 --",
  '\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${7*7}{{7*7}}',
  "=cmd|' /C calc'!A0",
  '+SUM(1,1)',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '👩‍👩‍👧‍👦🔥🧯',
  '\u0000',
  'a\u0000b',
  '\uFFFF\uFFFE',
  '\uD800',
  ' ',
  '\t\r\n',
  'NULL',
  'undefined',
  '９９９',
  'x'.repeat(5_000),
  '火'.repeat(3_000),
];

/** JSON values of the wrong type or out of any sane range. */
export const HOSTILE_JSON: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -1e308,
  5e-324,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x10',
  '-0',
  '',
  '1',
  'true',
  [],
  [1, 2, 3],
  {},
  { $gt: 0 },
  JSON.parse('{"__proto__":{"admin":true}}') as unknown,
];

/** Strings that are not valid JSON, or JSON of the wrong shape for an object body. */
export const MALFORMED_JSON: readonly string[] = [
  '',
  ' ',
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":-Infinity}',
  '{"a":01}',
  '{"a":1e999999}',
  '{"a":"\\x00"}',
  '{"a":"\\ud800"}',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  '[{}]',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `{"a":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
  '\u0000',
  'not json at all',
  '<?xml version="1.0"?><a/>',
];

/** Content types a JSON or import endpoint must refuse (415) or at least not misread. */
export const WRONG_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'text/html',
  'application/json-patch+json',
];

/** Query or path values that no integer, enum, date or box parameter accepts. */
export const BAD_SCALARS: readonly string[] = [
  '',
  'abc',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '0x1F',
  '１２',
  ' 1',
  '1;DROP TABLE venues',
  "'; DROP TABLE venues; --",
  '%00',
  '\u0000',
  '[]',
  '{}',
  'null',
  'true',
  'x'.repeat(3000),
];

export const BAD_DATES: readonly string[] = [
  'yesterday',
  '2026-13-01',
  '2026-02-30',
  '2026-11-31',
  '1999-12-31',
  '2101-01-01',
  '99999-01-01',
  '2026-1-1',
  '2026-11-30T25:00:00Z',
  '2026-11-30T08:00:00+99:99',
  '1700000000',
  '2026-11-30T08:00:00ZZ',
  "2026-11-30'; DROP TABLE venues; --",
];

export const BAD_BBOXES: readonly string[] = [
  '1,2,3',
  '1,2,3,4,5',
  'a,b,c,d',
  'NaN,NaN,NaN,NaN',
  'Infinity,0,1,1',
  '-181,0,0,1',
  '0,-91,1,0',
  '0,0,181,1',
  '0,0,1,91',
  '1,1,0,0',
  '1e309,0,1,1',
  ',,,',
  '121.0;30,121.1,30.1',
  '121.0,30.0,121.1,30.1,',
  "0,0,1,1'--",
];
