/**
 * The JSON Schema of the corpus format: the file in data/schema/ is the one the zod schemas generate, and it describes
 * what the reader accepts (a generated corpus's records are valid against it in shape).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CORPUS_SCHEMA_PATH, corpusSchemaText } from '../../build/corpus-schema.js';
import { ROOT } from '../helpers/paths.js';

test('data/schema/corpus.schema.json is the one the zod schemas generate (run npm run schema)', () => {
  expect(readFileSync(join(ROOT, CORPUS_SCHEMA_PATH), 'utf8')).toBe(corpusSchemaText());
});

test('the schema lists the five record types and the fields of a case', () => {
  const schema = JSON.parse(corpusSchemaText()) as { oneOf: { properties: { type: { const: string } } & Record<string, unknown>; required: string[] }[] };
  expect(schema.oneOf.map((s) => s.properties.type.const)).toEqual(['corpus', 'source', 'legislation', 'section', 'case']);
  const kase = schema.oneOf.find((s) => s.properties.type.const === 'case')!;
  expect(kase.required).toEqual(['type', 'id', 'state', 'title']);
  expect(Object.keys(kase.properties)).toEqual(expect.arrayContaining(['decisionDate', 'crimeTypes', 'factSummary', 'charges', 'applies']));
});
