/**
 * The answers of toolsAddressing agree with a SPARQL query over the exported Turtle (Oxigraph, a dev dependency),
 * for every provision in the graph: the same (tool or part, provision addressed, match) triples.
 */
import oxigraph from 'oxigraph';
import { expect, test } from 'vitest';
import { toTurtle } from '../../src/export/turtle.js';
import { loadGraph } from '../../src/kg.js';
import { toolsAddressing } from '../../src/query/tools.js';

const kg = loadGraph();

const QUERY = (provision: string) => `
PREFIX ukg: <https://w3id.org/untoc-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?subject ?via ?match WHERE {
  {
    BIND(<${provision}> AS ?via) ?subject ukg:addresses ?via . BIND("exact" AS ?match)
  } UNION {
    <${provision}> eli:is_part_of+ ?via . ?subject ukg:addresses ?via . BIND("broader" AS ?match)
  } UNION {
    ?via eli:is_part_of+ <${provision}> . ?subject ukg:addresses ?via . BIND("narrower" AS ?match)
  }
}`;

test('toolsAddressing and SPARQL (partOf* over the Turtle export) give the same answers for every provision', () => {
  const store = new oxigraph.Store();
  store.load(toTurtle(kg.store.getQuads(null, null, null, null)), { format: 'text/turtle' });
  const provisions = [...kg.dataset.provisions.map((p) => p.id as string), ...kg.dataset.instruments.map((i) => i.iri as string)];
  let answers = 0;
  for (const provision of provisions) {
    const rows = store.query(QUERY(provision)) as Map<string, { value: string }>[];
    const sparql = new Set(rows.map((row) => `${row.get('subject')!.value} ${row.get('via')!.value} ${row.get('match')!.value}`));
    const ours = new Set(toolsAddressing(kg, provision).results.map((r) => `${r.part?.iri ?? r.tool.iri} ${r.via.iri} ${r.match}`));
    expect([...ours].sort(), provision).toEqual([...sparql].sort());
    answers += ours.size;
  }
  expect(provisions.length).toBeGreaterThan(600);
  expect(answers).toBeGreaterThan(500);
});
