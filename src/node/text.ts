/**
 * Reading a treaty text from a file (Node only): the bytes go to `parseTreatyText`, which tells their encoding and
 * says where reading stopped when it cannot read them. Only regular files and pipes are read, and never more than
 * {@link MAX_TEXT_BYTES}: a device such as `/dev/zero` or an endless pipe cannot make the reader run without end.
 *
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { UntocKgError } from '../errors.js';
import { parseTreatyText, type TreatyText, type TreatyTextOptions } from '../text/parse.js';

const OP = 'readTreatyText';

/**
 * The largest treaty text file read (64 MiB): the longest treaties in all six UN languages fit many times over.
 *
 * @example
 * ```ts
 * await readTreatyText('/dev/zero') // throws invalid_input: not a regular file
 * ```
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

const CHUNK = 1 << 20;

function cannotRead(path: string, error: unknown): never {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
  throw new UntocKgError('text_unreadable', OP, `cannot read ${path.slice(0, 80)}: ${reason}`, { value: path }, { cause: error });
}

function tooLarge(path: string): never {
  throw new UntocKgError('invalid_input', OP, `${path.slice(0, 80)} is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB: not a treaty text`, { value: path });
}

/** Reads at most `MAX_TEXT_BYTES` from an open file, failing when there is more. */
async function readCapped(handle: FileHandle, path: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buffer = new Uint8Array(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > MAX_TEXT_BYTES) tooLarge(path);
    chunks.push(buffer.subarray(0, bytesRead));
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The file's bytes: a regular file or a pipe, at most {@link MAX_TEXT_BYTES}. */
async function readTextFile(path: string): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    cannotRead(path, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) cannotRead(path, Object.assign(new Error('it is a directory'), { code: 'EISDIR' }));
    if (!stat.isFile() && !stat.isFIFO()) {
      throw new UntocKgError('invalid_input', OP, `${path.slice(0, 80)} is not a regular file (a device or socket); give a text file`, { value: path });
    }
    if (stat.isFile() && stat.size > MAX_TEXT_BYTES) tooLarge(path);
    return await readCapped(handle, path);
  } catch (error) {
    if (error instanceof UntocKgError) throw error;
    cannotRead(path, error);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a treaty text file (Markdown, plain text or HTML rendering) into its provision tree with the wording of each
 * provision per language. The file's name is the text's `source` unless the options give one.
 *
 * @throws {@link UntocKgError} `text_unreadable` when the file cannot be read or is empty, binary, wrongly encoded or
 * cut off (a {@link TextReadError} that says where reading stopped); `invalid_input` when it is not a regular file
 * or a pipe (`/dev/zero`), or holds more than {@link MAX_TEXT_BYTES}.
 *
 * @example
 * ```ts
 * import { readTreatyText } from 'untoc-kg/node'
 * const text = await readTreatyText('untoc.md', { instrument: 'untoc' })
 * ```
 */
export async function readTreatyText(path: string, options: TreatyTextOptions = {}): Promise<TreatyText> {
  const bytes = await readTextFile(path);
  return parseTreatyText(bytes, { source: basename(path), ...options });
}
