/**
 * Stress cases for `corpusFromQuads` (a research corpus read back from N-Quads): many links to provisions the graph
 * does not have (each reported, the nearest ones suggested for the first few only), a deep chain of nested sections
 * (built without recursion), and many subjects of no known class. All synthetic.
 */
import { loadGraph } from '../../dist/index.js';
import { corpusFromQuads, parseRdf } from '../../dist/rdf.js';
import type { StressCase } from '../stress.js';

const kg = loadGraph();
const BASE = 'https://w3id.org/untoc-kg/';
const G = `<${BASE}graph/corpus/stress>`;
const UKG = 'https://w3id.org/untoc-kg/ontology#';
const ELI = 'http://data.europa.eu/eli/ontology#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DCT = 'http://purl.org/dc/terms/';
const LAW = `${BASE}doc/ita/legislation/syn-law`;

const head = [
  `${G} <${RDF}type> <${UKG}Corpus> ${G} .`,
  `${G} <${DCT}identifier> "stress" ${G} .`,
  `${G} <${DCT}title> "Stress corpus (synthetic)" ${G} .`,
  `<${LAW}> <${RDF}type> <${UKG}Legislation> ${G} .`,
  `<${LAW}> <${DCT}identifier> "SYN-law" ${G} .`,
  `<${LAW}> <${ELI}title> "Synthetic law" ${G} .`,
  `<${LAW}> <${ELI}jurisdiction> <${BASE}state/ita> ${G} .`,
  `<${LAW}/art_1> <${RDF}type> <${UKG}Section> ${G} .`,
  `<${LAW}/art_1> <${ELI}number> "1" ${G} .`,
  `<${LAW}/art_1> <${ELI}is_part_of> <${LAW}> ${G} .`,
].join('\n');

/** Lines from `line(i)` until the text is about `bytes` long. */
function fill(bytes: number, line: (i: number) => string): string {
  let text = head;
  for (let i = 0; text.length < bytes; i++) text += `\n${line(i)}`;
  return `${text}\n`;
}

const read = async (text: string) => corpusFromQuads(kg, await parseRdf(text, 'nquads'));

export const cases: StressCase<string>[] = [
  {
    name: 'links to unknown provisions',
    make: (bytes) =>
      fill(bytes, (i) =>
        [
          `<${BASE}link/l${i}> <${RDF}type> <${UKG}Link> ${G} .`,
          `<${BASE}link/l${i}> <${RDF}subject> <${LAW}/art_1> ${G} .`,
          `<${BASE}link/l${i}> <${RDF}predicate> <${ELI}implements> ${G} .`,
          `<${BASE}link/l${i}> <${RDF}object> <${BASE}eli/un/protocol/2000/som/art_${900 + (i % 90)}> ${G} .`,
        ].join('\n'),
      ),
    run: read,
  },
  {
    name: 'a deep chain of nested sections',
    make: (bytes) => {
      let parent = `${LAW}/art_1`;
      return fill(bytes, (i) => {
        const iri = `${parent}/point_${i}`;
        const lines = [`<${iri}> <${RDF}type> <${UKG}Section> ${G} .`, `<${iri}> <${ELI}number> "${i}" ${G} .`, `<${iri}> <${ELI}is_part_of> <${parent}> ${G} .`].join('\n');
        parent = iri;
        return lines;
      });
    },
    run: read,
  },
  {
    name: 'subjects of no known class',
    make: (bytes) => fill(bytes, (i) => `<${BASE}doc/ita/other/x${i}> <${RDF}type> <${UKG}Unknown> ${G} .`),
    run: read,
  },
];
