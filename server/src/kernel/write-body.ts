// Body checks for writes: an oversized body is refused with a 413 problem before it is read,
// and a JSON write with a body of another media type with a 415 problem.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Problem } from './problem.ts';

export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw Problem.tooLarge(
        `the request body is larger than the ${Math.round(maxBytes / 1024)} KiB this endpoint accepts`,
      );
    },
  });

const jsonLimit = limitBody(1024 * 1024);

/**
 * JSON writes (the workflow, accounts, cell assignment): at most 1 MiB, and Content-Type
 * application/json when a type is given (a write without a body and without a type, such as a
 * bare close, reads as `{}`).
 */
export const jsonBodyLimit: MiddlewareHandler = async (c, next) => {
  const header = c.req.header('Content-Type');
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (header !== undefined && type !== 'application/json') {
    throw Problem.unsupportedMediaType(`Content-Type "${type}" is not accepted here; send application/json`);
  }
  return jsonLimit(c, next);
};
