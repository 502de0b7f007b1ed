/**
 * Writing a file the way `--out FILE` promises (Node only). A regular file, or a new one, appears whole or not at
 * all: the text goes to a temporary file beside it, which is then renamed over it (keeping the old file's mode and,
 * where allowed, its owner). A device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written through, never
 * replaced. A symbolic link is followed to the file it names, which is then written as above; the link stays.
 * Every failure of the file system is an {@link UntocKgError} with a code the caller can act on.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, open, readlink, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { isUntocKgError, UntocKgError } from '../errors.js';
import { writeExport, type ExportFormat, type ExportOptions } from '../export/formats.js';
import type { KnowledgeGraph } from '../kg.js';

/** About how many characters are gathered before each write. */
const BATCH = 1 << 16;
/** How many symbolic links are followed before giving up (Linux's own limit). */
const MAX_LINKS = 40;

/** What the text to write may be: one string, or chunks of it, produced now or later. */
export type WriteSource = string | Iterable<string> | AsyncIterable<string>;

/**
 * Writes `text` to the file `path` (see the module's summary: atomic for regular files, through for devices and
 * FIFOs, symbolic links followed) and returns how many characters were written. An error thrown by the chunks'
 * producer is passed on as it is, and the target is left as it was.
 *
 * @param operation - the public operation, named in errors (e.g. `export`).
 * @throws {@link UntocKgError} `output_no_folder` (the folder does not exist, or a part of the path is a file),
 * `output_denied` (no permission, or a read-only file system), `output_unwritable` (anything else: the path is a
 * folder, the disk is full, a loop of links).
 *
 * @example
 * ```ts
 * await writeFileAtomic('graph.ttl', writeExport(kg, 'turtle'), 'export')
 * ```
 */
export async function writeFileAtomic(path: string, text: WriteSource, operation: string): Promise<number> {
  const chunks = typeof text === 'string' ? [text] : text;
  try {
    const target = await resolveLinks(path, operation);
    if (target.stats && !target.stats.isFile()) return await writeThrough(target.path, chunks);
    return await replace(target.path, target.stats, chunks);
  } catch (error) {
    throw writeFailure(operation, path, error);
  }
}

/**
 * An export of a knowledge graph as a Node stream of UTF-8 text, produced as it is read: the RDF text formats are
 * written straight from the dataset, so neither the whole text nor the whole list of quads is ever in memory.
 *
 * @throws {@link UntocKgError} at once, as {@link writeExport} does: `unsupported_format`, `invalid_input`,
 *   `unknown_graph`.
 * @example
 * ```ts
 * import { exportStream } from 'untoc-kg/node'
 * import { pipeline } from 'node:stream/promises'
 * await pipeline(exportStream(kg, 'nquads'), createWriteStream('untoc-kg.nq'))
 * ```
 */
export function exportStream(kg: KnowledgeGraph, format: ExportFormat, options: ExportOptions = {}): Readable {
  return Readable.from(writeExport(kg, format, options), { objectMode: false, encoding: 'utf8' });
}

/**
 * Writes an export of a knowledge graph to the file `path`, streaming it into a temporary file beside it that is
 * then renamed over it (see {@link writeFileAtomic}); returns how many characters were written.
 *
 * @throws {@link UntocKgError} as {@link writeExport} and {@link writeFileAtomic} do.
 * @example
 * ```ts
 * await writeExportFile('untoc-kg.ttl', kg, 'turtle')
 * ```
 */
export async function writeExportFile(path: string, kg: KnowledgeGraph, format: ExportFormat, options: ExportOptions = {}): Promise<number> {
  return writeFileAtomic(path, writeExport(kg, format, options), 'export');
}

/** The file `path` names once every symbolic link is followed, and its stats (absent when it does not exist yet). */
async function resolveLinks(path: string, operation: string): Promise<{ path: string; stats?: Stats }> {
  let current = resolve(path);
  for (let links = 0; links <= MAX_LINKS; links++) {
    let stats: Stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: current };
      throw error;
    }
    if (!stats.isSymbolicLink()) return { path: current, stats };
    current = resolve(dirname(current), await readlink(current));
  }
  throw new UntocKgError('output_unwritable', operation, `cannot write "${shown(path)}": more than ${MAX_LINKS} symbolic links in a row`, { value: shown(path) });
}

/** Writes into an existing file that is not a regular file (a device, a FIFO) without replacing it. */
async function writeThrough(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const handle = await open(path, 'w');
  try {
    return await pour(handle, chunks);
  } finally {
    await handle.close();
  }
}

/** Writes a temporary file beside `path`, then renames it over `path`; on any failure the temporary file goes. */
async function replace(path: string, old: Stats | undefined, chunks: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const temporary = join(dirname(path), `.${basename(path).slice(0, 100)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  let handle: FileHandle | undefined = await open(temporary, 'wx', old ? old.mode & 0o7777 : 0o666);
  try {
    if (old) {
      await handle.chmod(old.mode & 0o7777);
      // Best effort: only root may give a file away; anyone else keeps the new file as their own.
      if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.()) await handle.chown(old.uid, old.gid).catch(() => undefined);
    }
    const written = await pour(handle, chunks);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
    return written;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes the chunks in batches of about {@link BATCH} characters; returns how many characters were written. */
async function pour(handle: FileHandle, chunks: Iterable<string> | AsyncIterable<string>): Promise<number> {
  let written = 0;
  let batch = '';
  for await (const chunk of chunks) {
    batch += chunk;
    written += chunk.length;
    if (batch.length >= BATCH) {
      await writeAll(handle, batch);
      batch = '';
    }
  }
  if (batch) await writeAll(handle, batch);
  return written;
}

/** Writes all of `text`, however many calls it takes (a pipe may take part of it at a time). */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
}

/**
 * The typed error for what the file system refused. Errors that are not the file system's (a typed error of the
 * library, a failure of the chunks' producer) are returned as they are.
 */
function writeFailure(operation: string, path: string, error: unknown): unknown {
  if (isUntocKgError(error) || !(error instanceof Error) || !('syscall' in error)) return error;
  const { code, path: failed } = error as NodeJS.ErrnoException;
  const value = shown(path);
  const where = `cannot write "${value}"`;
  const options = { cause: error };
  switch (code) {
    case 'ENOENT':
      return new UntocKgError('output_no_folder', operation, `${where}: the folder ${shown(dirname(failed ?? resolve(path)))} does not exist; create it first`, { value }, options);
    case 'ENOTDIR':
      return new UntocKgError('output_no_folder', operation, `${where}: a part of the path is a file, not a folder`, { value }, options);
    case 'EACCES':
    case 'EPERM':
      return new UntocKgError('output_denied', operation, `${where}: permission denied`, { value }, options);
    case 'EROFS':
      return new UntocKgError('output_denied', operation, `${where}: the file system is read-only`, { value }, options);
    case 'EISDIR':
      return new UntocKgError('output_unwritable', operation, `${where}: it is a folder; name a file inside it`, { value }, options);
    default:
      return new UntocKgError('output_unwritable', operation, `${where}: ${error.message}`, { value }, options);
  }
}

/** A path as errors echo it: at most 80 characters. */
function shown(path: string): string {
  return path.length > 80 ? `${path.slice(0, 79)}…` : path;
}
