/**
 * Stress cases of research corpora read from N-Triples (no named graphs, so `importRdf` routes each quad by its IRI):
 * a corpus with many sections (a graph that loads), many corpus records with no `ukg:Corpus` node, many corpora, and
 * many link nodes whose `rdf:subject` never comes (they wait to the end). Each must end in a typed error or a graph.
 */
import { importRdf } from '../../dist/rdf.js';
import type { StressCase } from '../stress.js';

const BASE = 'https://w3id.org/untoc-kg/';
const ONT = `${BASE}ontology#`;
const TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const DC = 'http://purl.org/dc/terms/';
const ELI = 'http://data.europa.eu/eli/ontology#';
const LAW = `${BASE}doc/ita/legislation/example-law`;

/** Lines `line(0)`, `line(1)`, … (of about the same length) making about `bytes` of text. */
const repeat = (bytes: number, line: (i: number) => string): string => Array.from({ length: Math.ceil(bytes / line(0).length) }, (_, i) => line(i)).join('');

const corpusNode = (id: string) => `<${BASE}graph/corpus/${id}> ${TYPE} <${ONT}Corpus> .\n<${BASE}graph/corpus/${id}> <${DC}identifier> "${id}" .\n<${BASE}graph/corpus/${id}> <${DC}title> "Corpus ${id} (synthetic)" .\n`;
const law = `<${LAW}> ${TYPE} <${ONT}Legislation> .\n<${LAW}> <${DC}identifier> "example-law" .\n<${LAW}> <${ELI}title> "Example law (synthetic)" .\n<${LAW}> <${ELI}jurisdiction> <${BASE}state/ita> .\n`;
const section = (i: number) => `<${LAW}/art_${i}> ${TYPE} <${ONT}Section> .\n<${LAW}/art_${i}> <${ELI}number> "${i}" .\n<${LAW}/art_${i}> <${ELI}is_part_of> <${LAW}> .\n`;

const ntriples = (text: string) => importRdf(text, { format: 'ntriples' });

export const cases: StressCase<string>[] = [
  { name: 'importRdf: a corpus in N-Triples with many sections (a graph that loads)', make: (bytes) => corpusNode('example') + law + repeat(bytes, section), run: ntriples },
  { name: 'importRdf: many corpus sections in N-Triples and no ukg:Corpus node', make: (bytes) => law + repeat(bytes, section), run: ntriples },
  { name: 'importRdf: many corpora in N-Triples, with one law', make: (bytes) => law + repeat(bytes, (i) => corpusNode(`c${i}`)), run: ntriples },
  {
    name: 'importRdf: many link nodes whose rdf:subject never comes',
    make: (bytes) => repeat(bytes, (i) => `<${BASE}link/${i.toString(16).padStart(16, '0')}> ${TYPE} <${ONT}Link> .\n<${BASE}link/${i.toString(16).padStart(16, '0')}> <${ONT}basis> "curated" .\n`),
    run: ntriples,
  },
];
