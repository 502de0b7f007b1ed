/**
 * Writing a command's data as a stream of chunks: to stdout (waiting while the reader catches up), or to a file that
 * appears whole or not at all (written beside it, then renamed).
 *
 * @module
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Io } from './io.js';

/** Writes `chunks` to the file `out`, or to the command's output; returns how many characters were written. */
export async function writeChunks(chunks: Iterable<string>, io: Io, out?: string): Promise<number> {
  let written = 0;
  if (out === undefined) {
    if (!io.write) {
      let text = '';
      for (const chunk of chunks) text += chunk;
      io.out(text);
      return text.length;
    }
    for (const chunk of chunks) {
      await io.write(chunk);
      written += chunk.length;
    }
    return written;
  }
  const partial = `${out}.${process.pid}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  try {
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error').then(([error]) => Promise.reject(error as Error))]);
      written += chunk.length;
    }
    stream.end();
    await once(stream, 'finish');
    await rename(partial, out);
    return written;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
