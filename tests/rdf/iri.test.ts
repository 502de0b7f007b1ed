import { expect, test } from 'vitest';
import { importRdf } from '../../src/import/rdf.js';

test('JSON-LD with an IRI no other syntax can carry is a typed rdf_syntax error, not a graph that cannot be written back', async () => {
  const doc = JSON.stringify({ '@id': 'https://w3id.org/untoc-kg/source/x', 'http://www.w3.org/2000/01/rdf-schema#seeAlso': { '@id': 'http:}//example.org/a b' } });
  await expect(importRdf(doc, { format: 'jsonld' })).rejects.toMatchObject({ code: 'rdf_syntax' });
});
