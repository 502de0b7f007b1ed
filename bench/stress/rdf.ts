/**
 * Stress cases of the RDF import (`importRdf`): N-Triples and Turtle from 1 KB to 1 MB that a hostile or careless
 * file could hold — one long literal, many subjects, a deep chain of parts, many bad triples on one node, a provision
 * IRI with thousands of segments, and Turtle cut off in a long literal. Each must end in a typed error or a graph.
 */
import { importRdf } from '../../dist/rdf.js';
import type { StressCase } from '../stress.js';

const BASE = 'https://w3id.org/untoc-kg/';
const ONT = `${BASE}ontology#`;
const TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const DC = 'http://purl.org/dc/terms/';
const UNTOC = `${BASE}eli/un/convention/2000/untoc`;

/** Lines from `line(i)` until the text is about `bytes` long. */
function repeat(bytes: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const text = line(i);
    out.push(text);
    size += text.length;
  }
  return out.join('');
}

/** A source: a node that reads (a ukg:Source with an identifier and a title). */
const source = (i: number, title = `Source ${i}`) =>
  `<${BASE}source/s${i}> ${TYPE} <${ONT}Source> .\n<${BASE}source/s${i}> <${DC}identifier> "s${i}" .\n<${BASE}source/s${i}> <${DC}title> "${title}"@en .\n`;

const ntriples = (text: string) => importRdf(text, { format: 'ntriples' });

export const cases: StressCase<string>[] = [
  { name: 'importRdf: one source with a title as long as the input', make: (bytes) => source(1, 'x'.repeat(bytes)), run: ntriples },
  { name: 'importRdf: many sources (a graph that loads)', make: (bytes) => repeat(bytes, (i) => source(i)), run: ntriples },
  {
    name: 'importRdf: a chain of parts, each part of the one before',
    make: (bytes) => `<${BASE}tool/t> ${TYPE} <${ONT}Tool> .\n${repeat(bytes, (i) => `<${BASE}tool/t/p${i}> ${TYPE} <${ONT}ToolPart> .\n<${BASE}tool/t/p${i}> <${DC}isPartOf> <${BASE}tool/t${i === 0 ? '' : `/p${i - 1}`}> .\n`)}`,
    run: ntriples,
  },
  {
    name: 'importRdf: many bad dates and unknown properties on one node',
    make: (bytes) => `${source(1)}${repeat(bytes, (i) => `<${BASE}source/s1> <${DC}date> "2024-02-${30 + (i % 9)}"^^<http://www.w3.org/2001/XMLSchema#date> .\n<${BASE}source/s1> <https://example.org/p${i}> "v" .\n`)}`,
    run: ntriples,
  },
  {
    name: 'importRdf: a provision IRI with thousands of segments',
    make: (bytes) => `<${UNTOC}> ${TYPE} <${ONT}Instrument> .\n<${UNTOC}/art_1${'/point_a'.repeat(Math.max(1, Math.floor(bytes / 8)))}> ${TYPE} <${ONT}Provision> .\n`,
    run: ntriples,
  },
  {
    name: 'importRdf: Turtle cut off in a long literal',
    make: (bytes) => `@prefix dc: <${DC}> .\n<${BASE}source/s1> dc:title """${'z'.repeat(bytes)}`,
    run: (text) => importRdf(text, { format: 'turtle' }),
  },
];
