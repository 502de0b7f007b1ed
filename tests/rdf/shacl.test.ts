/**
 * The import's SHACL validator gives the results rdf-validate-shacl gives (same focus nodes, paths and constraint
 * components) on the curated graph and on broken variants of it, and refuses a shapes graph it cannot fully check.
 */
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, test } from 'vitest';
import SHACLValidator from 'rdf-validate-shacl';
import rdf from '@zazuko/env';
import { loadGraph } from '../../src/kg.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { shapesQuads } from '../../src/rdf/resources.js';
import { ShapesValidator } from '../../src/import/shacl.js';
import { ELI, PROV, RDF, RDFS, SKOS, UKG } from '../../src/vocab/terms.js';

const { namedNode, literal, quad } = DataFactory;
const kg = loadGraph();
const quads = datasetQuads(kg.dataset);
const ours = new ShapesValidator(shapesQuads());
const reference = new SHACLValidator(rdf.dataset([...shapesQuads()]), { factory: rdf });

async function both(data: readonly Quad[]) {
  const mine = ours.validate(data).map((v) => `${v.focus} ${v.path ?? '-'} ${v.component}`).sort();
  const report = await reference.validate(rdf.dataset([...data]));
  const theirs = report.results.map((r) => `${r.focusNode?.value} ${r.path?.value ?? '-'} ${r.sourceConstraintComponent?.value}`).sort();
  return { mine, theirs };
}

const article = `${kg.index.instrumentRecord('untoc')!.iri}/art_27`;
const link = kg.dataset.links.find((l) => l.status === 'disputed')!.id;
const theme = kg.dataset.themes[0]!.iri;
const count = quads.find((q) => q.predicate.value === UKG.reportedCount)!.object.value;

const VARIANTS: readonly [string, () => Quad[]][] = [
  ['the curated graph', () => quads],
  ['a provision without a label', () => quads.filter((q) => !(q.subject.value === article && q.predicate.value === RDFS.label))],
  ['two subdivision types', () => [...quads, quad(namedNode(article), namedNode(ELI.type_subdivision), namedNode(UKG.Paragraph))]],
  ['an article without a heading (sh:or, sh:not)', () => quads.filter((q) => !(q.subject.value === article && q.predicate.value.endsWith('/title')))],
  ['a disputed link without its correction (sh:and)', () => quads.filter((q) => !(q.subject.value === link && q.predicate.value === UKG.correction))],
  ['a basis not in the list, a source that is not a Source (sh:in, sh:class)', () => [...quads.filter((q) => !(q.subject.value === link && (q.predicate.value === UKG.basis || q.predicate.value === PROV.wasDerivedFrom))), quad(namedNode(link), namedNode(UKG.basis), literal('rumour')), quad(namedNode(link), namedNode(PROV.wasDerivedFrom), namedNode(article))]],
  ['a notation that breaks the pattern, a literal where an IRI belongs', () => [...quads.filter((q) => !(q.subject.value === article && (q.predicate.value === SKOS.notation || q.predicate.value === ELI.is_part_of))), quad(namedNode(article), namedNode(SKOS.notation), literal('Article 27')), quad(namedNode(article), namedNode(ELI.is_part_of), literal('UNTOC'))]],
  ['a count that is not an integer (sh:datatype)', () => [...quads.filter((q) => !(q.subject.value === count && q.predicate.value === RDF.value)), quad(namedNode(count), namedNode(RDF.value), literal('600'))]],
  ['two English wordings of one provision (sh:uniqueLang)', () => [...quads, quad(namedNode(`${article}/para_1`), namedNode(UKG.wording), literal('One wording.', 'en')), quad(namedNode(`${article}/para_1`), namedNode(UKG.wording), literal('Another wording.', 'en')), quad(namedNode(`${article}/para_1`), namedNode(UKG.wording), literal('Een tekst.', 'nl'))]],
  ['a theme outside the scheme (sh:hasValue, targetObjectsOf)', () => quads.filter((q) => !(q.subject.value === theme && q.predicate.value === SKOS.inScheme))],
];

describe('the import validator agrees with rdf-validate-shacl', () => {
  test.each(VARIANTS)('%s', async (_name, variant) => {
    const { mine, theirs } = await both(variant());
    expect(mine).toEqual(theirs);
    if (_name !== 'the curated graph') expect(mine.length).toBeGreaterThan(0);
  });
});

test('a shapes graph with a constraint it does not implement is refused, not half checked', () => {
  const shapes = new Parser().parse('@prefix sh: <http://www.w3.org/ns/shacl#> . <https://example.org/S> a sh:NodeShape ; sh:targetClass <https://example.org/C> ; sh:property [ sh:path <https://example.org/p> ; sh:minLength 3 ] .');
  expect(() => new ShapesValidator(shapes)).toThrow(/sh:minLength/);
});
