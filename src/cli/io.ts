/**
 * What every command shares: output streams, exit codes, and turning errors into one-line messages.
 *
 * @module
 */
import { isUntocKgError, formatDataIssue, formatRdfIssue, isDataValidationError, isRdfConformanceError, type ErrorCode } from '../errors.js';

/** Exit codes: 0 ok, 1 failure, 2 usage or input error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Where a command writes: data to `out`, messages to `err`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Writes a chunk of data as it is (no newline added), waiting while the reader catches up. Where absent, commands gather chunks and call `out`. */
  write?(chunk: string): Promise<void>;
  /** The width human output wraps to: the terminal's, or `COLUMNS`; where absent, 100. */
  readonly columns?: number;
  /** Shows how long work is going, on a terminal only (`''` clears it). Where absent, nothing is shown. */
  status?(text: string): void;
}

const columns = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : Math.max(0, Number(process.env['COLUMNS']) || 0);
// Progress goes to a terminal; UNTOC_KG_PROGRESS=1 forces it (one line each) where stderr is not one.
const progress = process.stderr.isTTY ? 'tty' : process.env['UNTOC_KG_PROGRESS'] === '1' ? 'lines' : undefined;

/** The process's streams. */
export const processIo: Io = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (chunk) => (process.stdout.write(chunk) ? Promise.resolve() : new Promise((resolve) => process.stdout.once('drain', resolve))),
  ...(columns > 0 && { columns }),
  ...(progress && {
    status: (text: string) => void (progress === 'tty' ? process.stderr.write(`\r\x1b[2K${text}`) : text && process.stderr.write(`${text}\n`)),
  }),
};

/** A mistake in how the command was called; reported with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Codes that are failures of the environment (exit 1), not mistakes in the input (exit 2). */
const FAILURES: ReadonlySet<ErrorCode> = new Set(['sparql_error', 'sparql_unavailable', 'jsonld_unavailable', 'remote_unreachable', 'remote_error', 'remote_credentials', 'publish_incomplete', 'output_no_folder', 'output_denied', 'output_unwritable']);

/** Reports an error on `err` as one line (plus the issues of a data error) and returns the exit code. */
export function report(error: unknown, io: Io): number {
  // By name: each standalone command (dist/commands/) has its own copy of this class.
  if (error instanceof Error && error.name === 'UsageError') {
    io.err(`untoc-kg: ${error.message}`);
    return EXIT.usage;
  }
  if (isDataValidationError(error)) {
    io.err(`untoc-kg: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the data:`);
    for (const issue of error.issues) io.err(`  ${formatDataIssue(issue)}`);
    return EXIT.usage;
  }
  if (isRdfConformanceError(error)) {
    io.err(`untoc-kg: the graph does not conform (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}); nothing was loaded:`);
    for (const issue of error.issues) io.err(`  ${formatRdfIssue(issue)}`);
    return EXIT.usage;
  }
  if (isUntocKgError(error)) {
    const fresh = error.suggestions.filter((s) => !error.message.includes(s)).slice(0, 3);
    const hint = fresh.length > 0 && !/did you mean/i.test(error.message) ? ` (did you mean ${fresh.join(', ')}?)` : '';
    io.err(`untoc-kg: ${error.message}${hint} [${error.code}]`);
    return FAILURES.has(error.code) ? EXIT.failure : EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`untoc-kg: unexpected failure: ${message}`);
  if (process.env['UNTOC_KG_DEBUG'] && error instanceof Error) io.err(error.stack ?? '');
  return EXIT.failure;
}

/** Writes JSON data to `out`. */
export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
