import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real treaty texts shared with the project (never copied into it). */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'treaties');

/** Whether the corpus is here; in CI it is. */
export const corpusAvailable = existsSync(join(CORPUS, 'untoc.md'));

/** Why corpus tests are skipped, for the skipped test's name. */
export const CORPUS_SKIP = `skipped: the treaty corpus was not found at ${CORPUS} (it is present in CI; these tests compare data/ with it)`;

/** Reads a corpus file: `untoc`, `som-protocol` or `tip-protocol`. */
export function readCorpus(name: 'untoc' | 'som-protocol' | 'tip-protocol'): string {
  return readFileSync(join(CORPUS, `${name}.md`), 'utf8');
}

/** The built CLI, as the package's bin runs it. */
export const CLI = join(ROOT, 'dist', 'cli.cjs');
