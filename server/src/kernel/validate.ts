// Validation at the edge: request parts are parsed by a zod schema or rejected with a 400
// problem listing every issue, so handlers only ever see typed, checked values.
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { Problem } from './problem.ts';

type Target = 'query' | 'param' | 'json';

export function validate<T extends Target, S extends z.ZodType>(target: T, schema: S) {
  return validator(target, (value: unknown): z.output<S> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const errors = result.error.issues.map((issue) => ({
      in: target,
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    throw Problem.badRequest(detail, errors);
  });
}
