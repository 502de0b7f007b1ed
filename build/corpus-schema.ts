/**
 * Generates `data/schema/corpus.schema.json`, the JSON Schema of one record (line) of a research corpus in JSON Lines,
 * from the zod schemas that are its source of truth (`corpusJsonSchema()` in src/corpus/records.ts). Run `npm run
 * schema` after changing them; a test fails while the file is out of date. Not part of the published library.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusJsonSchema } from '../src/corpus/records.js';

/** Where the schema is written, relative to the project root. */
export const CORPUS_SCHEMA_PATH = join('data', 'schema', 'corpus.schema.json');

/**
 * The JSON Schema (draft 2020-12) of a corpus record, as the text written to {@link CORPUS_SCHEMA_PATH}.
 *
 * @example
 * ```ts
 * JSON.parse(corpusSchemaText()).oneOf.length // 5: corpus, source, legislation, section, case
 * ```
 */
export function corpusSchemaText(): string {
  const { $schema, $id, title, ...rest } = corpusJsonSchema();
  const out = {
    $schema,
    $id,
    title,
    description:
      'One record of a research corpus in JSON Lines (one JSON object per line): a corpus header, a source, a national law, a section of one, or a court case, told apart by "type". Generated from the zod schemas in src/corpus/records.ts by `npm run schema`; do not edit. Beyond this schema, the reader checks that ids are unique, States are ISO 3166-1 codes, dates are calendar dates, cited provisions exist in the graph, sections, laws and sources named by links exist, links with basis "source" have a locator and curated links a note (data/README.md).',
    ...rest,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(join(root, CORPUS_SCHEMA_PATH), corpusSchemaText());
  process.stdout.write(`wrote ${CORPUS_SCHEMA_PATH}\n`);
}
