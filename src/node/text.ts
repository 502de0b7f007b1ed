/**
 * Reading a treaty text from a file (Node only): the bytes go to `parseTreatyText`, which tells their encoding and
 * says where reading stopped when it cannot read them.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UntocKgError } from '../errors.js';
import { parseTreatyText, type TreatyText, type TreatyTextOptions } from '../text/parse.js';

/**
 * Reads a treaty text file (Markdown, plain text or HTML rendering) into its provision tree with the wording of each
 * provision per language. The file's name is the text's `source` unless the options give one.
 *
 * @throws {@link UntocKgError} `text_unreadable` when the file cannot be read or is empty, binary, wrongly encoded or
 * cut off (a {@link TextReadError} that says where reading stopped).
 *
 * @example
 * ```ts
 * import { readTreatyText } from 'untoc-kg/node'
 * const text = await readTreatyText('untoc.md', { instrument: 'untoc' })
 * ```
 */
export async function readTreatyText(path: string, options: TreatyTextOptions = {}): Promise<TreatyText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UntocKgError('text_unreadable', 'readTreatyText', `cannot read ${path}: ${reason}`, { value: path }, { cause: error });
  }
  return parseTreatyText(bytes, { source: basename(path), ...options });
}
