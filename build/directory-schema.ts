/**
 * Generates `data/schema/directory.schema.json`, the JSON Schema of a directory file (the JSON import format and the
 * `type: directory` data file), from the zod schema that is its source of truth. Run `npm run schema` after changing
 * `DirectoryFile`; a test fails while the file is out of date. Not part of the published library.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DirectoryFile } from '../src/model/files.js';

/** Where the schema is written, relative to the project root. */
export const DIRECTORY_SCHEMA_PATH = join('data', 'schema', 'directory.schema.json');

/**
 * The JSON Schema (draft 2020-12) of a directory file, as the text written to {@link DIRECTORY_SCHEMA_PATH}.
 *
 * @example
 * ```ts
 * JSON.parse(directorySchemaText()).required // ['type', 'authorities']
 * ```
 */
export function directorySchemaText(): string {
  const schema = z.toJSONSchema(DirectoryFile, { io: 'input', target: 'draft-2020-12' });
  const out = {
    $schema: schema.$schema,
    $id: 'https://w3id.org/untoc-kg/schema/directory.schema.json',
    title: 'untoc-kg directory file',
    description:
      'A dated snapshot of the directory of competent national authorities: the JSON import format of importDirectory and `untoc-kg authorities import`, and the `type: directory` data file. Generated from the zod schema DirectoryFile (src/model/files.ts) by `npm run schema`; do not edit. Beyond this schema, the loader checks that State codes are ISO 3166-1 codes, categories and sources exist, cited provisions exist, an entry has categories or provisions, and no authority is listed twice.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(join(root, DIRECTORY_SCHEMA_PATH), directorySchemaText());
  process.stdout.write(`wrote ${DIRECTORY_SCHEMA_PATH}\n`);
}
