import type { UntocKgError } from '../../src/errors.js';

/** Runs `fn`, which must throw, and returns what it threw (typed as the library's error for assertions). */
export function failure(fn: () => unknown): UntocKgError {
  try {
    fn();
  } catch (error) {
    return error as UntocKgError;
  }
  throw new Error('expected an error, but the call returned');
}
