/**
 * What every command shares: output streams, exit codes, and turning errors into one-line messages.
 *
 * @module
 */
import { writeSync } from 'node:fs';
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

let stream: NodeJS.WriteStream | undefined;

/**
 * The process's stdout stream, set up on first use (a reader that stops early, `| head`, is not an error). Node builds
 * it on first access, loading its stream and socket modules: for a pipe, a good part of what a query's answer costs
 * after Node's own start-up, so {@link writeOut} does without it where it can.
 */
function stdout(): NodeJS.WriteStream {
  if (!stream) {
    stream = process.stdout;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return stream;
}

/**
 * Writes `text` to stdout synchronously, as Node's stream does on Linux and macOS (for files, pipes and terminals),
 * without setting the stream up. The stream takes over once it exists (so that writes stay in order), on Windows,
 * and for the rest of the text where the descriptor would block (a non-blocking pipe shared with another process).
 * A reader that has gone (`| head`) ends the process, as the stream's error does.
 */
function writeOut(text: string): void {
  if (stream || process.platform === 'win32') {
    stdout().write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') throw error;
    stdout().write(bytes.subarray(done));
  }
}

/** The terminal's width, or `COLUMNS`; `undefined` where neither says (asked for by human output only). */
function terminalColumns(): number | undefined {
  const columns = stdout().isTTY && stdout().columns > 0 ? stdout().columns : Math.max(0, Number(process.env['COLUMNS']) || 0);
  return columns > 0 ? columns : undefined;
}

/** How progress is shown: on a terminal; UNTOC_KG_PROGRESS=1 forces it (one line each) where stderr is not one. */
function progressDisplay(): Io['status'] {
  const progress = process.stderr.isTTY ? 'tty' : process.env['UNTOC_KG_PROGRESS'] === '1' ? 'lines' : undefined;
  if (progress === undefined) return undefined;
  return (text: string) => void (progress === 'tty' ? process.stderr.write(`\r\x1b[2K${text}`) : text && process.stderr.write(`${text}\n`));
}

let columns: { readonly value: number | undefined } | undefined;
let status: { readonly value: Io['status'] } | undefined;

/**
 * The process's streams. The width and the progress display are looked up when a command first asks for them (asking
 * whether a stream is a terminal sets the stream up).
 */
export const processIo: Io = {
  out: (text) => writeOut(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (chunk) => (stdout().write(chunk) ? Promise.resolve() : new Promise((resolve) => stdout().once('drain', resolve))),
  get columns() {
    return (columns ??= { value: terminalColumns() }).value;
  },
  get status() {
    return (status ??= { value: progressDisplay() }).value;
  },
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
