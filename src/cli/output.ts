/**
 * Writing a command's data as a stream of chunks: to stdout (waiting while the reader catches up), or to a file
 * through the one write module ({@link writeFileAtomic}: a regular file appears whole or not at all, a device or a
 * FIFO is written through, a symbolic link is followed).
 *
 * @module
 */
import { writeFileAtomic } from '../node/write.js';
import type { Io } from './io.js';

/** Writes `chunks` to the file `out`, or to the command's output; returns how many characters were written. */
export async function writeChunks(chunks: Iterable<string>, io: Io, out: string | undefined, operation: string): Promise<number> {
  if (out !== undefined) return writeFileAtomic(out, chunks, operation);
  if (!io.write) {
    let text = '';
    for (const chunk of chunks) text += chunk;
    io.out(text);
    return text.length;
  }
  let written = 0;
  for (const chunk of chunks) {
    await io.write(chunk);
    written += chunk.length;
  }
  return written;
}
