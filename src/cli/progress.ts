/**
 * Progress of long work (an export of a large graph, reading a large file), shown on stderr only where the `Io` can
 * show it: a terminal, or where UNTOC_KG_PROGRESS=1 forces it. Never in pipes, files or tests otherwise.
 *
 * @module
 */
import type { Io } from './io.js';

/** How often the count is redrawn, at most. */
const EVERY_MS = 250;

/**
 * Passes `chunks` through, showing how many characters went by (at most four times a second); clears the line at
 * the end, whether the work finished or failed.
 *
 * @example
 * ```ts
 * await writeChunks(withProgress(writeExport(kg, 'trig'), io, 'writing trig'), io, out)
 * ```
 */
export function* withProgress(chunks: Iterable<string>, io: Io, label: string): Generator<string, void, undefined> {
  if (!io.status) {
    yield* chunks;
    return;
  }
  let count = 0;
  let shown = 0;
  io.status(`untoc-kg: ${label}…`);
  try {
    for (const chunk of chunks) {
      yield chunk;
      count += chunk.length;
      const now = Date.now();
      if (now - shown >= EVERY_MS) {
        shown = now;
        io.status(`untoc-kg: ${label}: ${count.toLocaleString('en')} characters`);
      }
    }
  } finally {
    io.status('');
  }
}

/**
 * Runs `work`, showing `label` while it runs.
 *
 * @example
 * ```ts
 * const kg = await during(io, `reading ${file}`, () => importRdf(text, { format }))
 * ```
 */
export async function during<T>(io: Io, label: string, work: () => Promise<T> | T): Promise<T> {
  io.status?.(`untoc-kg: ${label}…`);
  try {
    return await work();
  } finally {
    io.status?.('');
  }
}
