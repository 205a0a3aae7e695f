// Body size limits for writes: an oversized body is refused with a 413 problem before it is read.
import { bodyLimit } from 'hono/body-limit';
import { Problem } from '../../problem.ts';

export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw Problem.tooLarge(`the request body is larger than the ${Math.round(maxBytes / 1024)} KiB this endpoint accepts`);
    },
  });

/** JSON writes of the workflow are small: 1 MiB is plenty. */
export const jsonBodyLimit = limitBody(1024 * 1024);
