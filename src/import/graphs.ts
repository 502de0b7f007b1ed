/**
 * The reading side of `rdf/graphs.ts`: an export holds the dataset's quads in their named graphs and the metadata
 * graph (the ontology and the dataset description). The metadata is not data: it is dropped here, and written anew
 * on export. After reading, the records are written out again ({@link datasetQuads}) to find the triples given that
 * the model does not keep; and the typed literals are checked, since the shapes check only their datatypes.
 *
 * @module
 */
import type { Quad, Term } from '@rdfjs/types';
import type { RdfIssue } from '../errors.js';
import type { Dataset } from '../model/dataset.js';
import { DATASET_IRI, graphIri, graphName, ONTOLOGY_IRI, SHAPES_IRI } from '../model/ids.js';
import { datasetQuads } from '../rdf/quads.js';
import { keyOf, LINK_PREDICATE } from '../rdf/terms.js';
import { RDF, SD, UKG, VOID, XSD } from '../vocab/terms.js';
import { clip } from './clip.js';

/** Whether a subject belongs to the metadata (the ontology's terms, the dataset description), not to the data. */
function isMetadataSubject(iri: string): boolean {
  if (iri === ONTOLOGY_IRI || iri === SHAPES_IRI || iri === DATASET_IRI || iri.startsWith(UKG.$iri)) return true;
  // A named graph's description is metadata, except a directory snapshot's: its graph IRI is also the snapshot.
  const name = graphName(iri);
  return name !== undefined && !name.startsWith('directory/');
}

const DESCRIPTION_TYPES = new Set<string>([VOID.Dataset, SD.NamedGraph]);

/**
 * Whether a quad is part of the VoID description of a named graph that is also data (a directory snapshot), as the
 * description writes it: met in exports without named graphs, where the metadata graph is merged into the rest.
 */
function isGraphDescription(q: Quad): boolean {
  if (q.subject.termType !== 'NamedNode' || graphName(q.subject.value) === undefined) return false;
  const p = q.predicate.value;
  return p === SD.name || p === VOID.triples || (p === RDF.type && DESCRIPTION_TYPES.has(q.object.value));
}

/** The data quads of an export: without the metadata graph, the metadata's subjects and graph descriptions. */
export function dataQuads(quads: readonly Quad[]): Quad[] {
  const meta = graphIri('meta');
  return quads.filter((q) => q.graph.value !== meta && !(q.subject.termType === 'NamedNode' && isMetadataSubject(q.subject.value)) && !isGraphDescription(q));
}

/** The identity of an object term: its IRI, `_:label`, or the literal as N-Triples writes it (plain strings bare). */
function termKey(t: Term): string {
  if (t.termType !== 'Literal') return keyOf(t);
  return `"${t.value}"${t.language ? `@${t.language}` : t.datatype.value.endsWith('#string') ? '' : `^^<${t.datatype.value}>`}`;
}

/**
 * The triples of `data` that the dataset, written out again, does not hold. The written triples are indexed by
 * subject and predicate, so each triple given is looked up once.
 */
export function unkept(data: readonly Quad[], dataset: Dataset): RdfIssue[] {
  const kept = new Map<string, Map<string, Set<string>>>();
  for (const q of datasetQuads(dataset)) {
    const subject = keyOf(q.subject);
    let predicates = kept.get(subject);
    if (!predicates) kept.set(subject, (predicates = new Map()));
    let objects = predicates.get(q.predicate.value);
    if (!objects) predicates.set(q.predicate.value, (objects = new Set()));
    objects.add(termKey(q.object));
  }
  const links = new Set<string>(Object.values(LINK_PREDICATE));
  const issues: RdfIssue[] = [];
  for (const q of data) {
    const objects = kept.get(keyOf(q.subject))?.get(q.predicate.value);
    if (objects?.has(termKey(q.object))) continue;
    const direct = links.has(q.predicate.value) && q.object.termType === 'NamedNode';
    const value = clip(termKey(q.object));
    issues.push({
      code: 'unrecognized',
      focus: keyOf(q.subject),
      path: q.predicate.value,
      message: direct
        ? `${value}: a link without its ukg:Link node (basis and source) is not kept; state it as a ukg:Link, or load with unrecognized: 'drop'`
        : `${value}: the model does not hold this value here, so loading would drop it (load with unrecognized: 'drop' to do so)`,
    });
  }
  return issues;
}

/** Whether `value` is a day of the calendar written `YYYY-MM-DD` (the only xsd:date form the model holds). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The lexical forms of the datatypes the model writes, and what each must look like. */
const LEXICAL: ReadonlyMap<string, { readonly test: (value: string) => boolean; readonly expected: string }> = new Map([
  [XSD.date, { test: isCalendarDate, expected: 'a day of the calendar written YYYY-MM-DD' }],
  [XSD.gYear, { test: (v: string) => /^\d{4}$/.test(v), expected: 'a year of four digits' }],
  [XSD.integer, { test: (v: string) => /^[+-]?\d{1,15}$/.test(v), expected: 'a whole number of at most 15 digits' }],
]);

/**
 * The literals typed `xsd:date`, `xsd:gYear` or `xsd:integer` whose text is not one (`2024-02-30`, `2023-02-29`,
 * `2024-13-01`), each an issue naming the subject and the predicate.
 */
export function literalIssues(data: readonly Quad[]): RdfIssue[] {
  const issues: RdfIssue[] = [];
  for (const q of data) {
    if (q.object.termType !== 'Literal') continue;
    const form = LEXICAL.get(q.object.datatype.value);
    if (!form || form.test(q.object.value)) continue;
    const type = q.object.datatype.value.slice(XSD.$iri.length);
    issues.push({ code: 'structure', focus: keyOf(q.subject), path: q.predicate.value, message: `"${clip(q.object.value)}" is not an xsd:${type}: expected ${form.expected}` });
  }
  return issues;
}
