/**
 * The links of a research corpus read back from their `ukg:Link` nodes (for `corpusFromQuads`): each says what it
 * links (a section implements a provision; a case applies a provision or a section) and who says so; a bad one is
 * reported with the codes of the JSON Lines reader and left out.
 *
 * @module
 */
import type { Term } from '@rdfjs/types';
import type { KnowledgeGraphCore } from '../core.js';
import type { CorpusErrorCode } from '../corpus/read.js';
import type { CorpusLinkRecord, SectionRecord } from '../model/corpus.js';
import type { Basis } from '../model/files.js';
import { linkId, splitProvisionId, type CaseIri, type LinkId, type ProvisionId, type SectionIri } from '../model/ids.js';
import { closest } from '../util/closest.js';
import { PROV, RDF, RDFS, UKG } from '../vocab/terms.js';
import { CORPUS_LINK_PREDICATE } from '../rdf/corpus.js';

/** One subject and its values, by predicate, in the order the quads give them. */
export interface Node {
  readonly iri: string;
  readonly line: number;
  readonly values: Map<string, Term[]>;
  readonly types: Set<string>;
}

const BASES: ReadonlySet<string> = new Set<Basis>(['text', 'source', 'curated']);
const PROPERTY_OF: ReadonlyMap<string, CorpusLinkRecord['property']> = new Map([
  [CORPUS_LINK_PREDICATE.implements, 'implements'],
  [CORPUS_LINK_PREDICATE.applies, 'applies'],
]);
/** What reading the links needs to know of the records. */
export interface LinkContext {
  readonly sections: ReadonlyMap<string, SectionRecord>;
  readonly caseIris: ReadonlySet<string>;
  readonly sourceKey: ReadonlyMap<string, string>;
  readonly merged: boolean;
}

/** The corpus's links from their `ukg:Link` nodes; each bad one is reported and left out. */
export function readLinks(
  kg: KnowledgeGraphCore,
  nodes: readonly Node[],
  context: LinkContext,
  report: (node: Node, code: CorpusErrorCode, message: string, suggestions?: readonly string[]) => void,
): CorpusLinkRecord[] {
  const instruments = kg.dataset.instruments.map((i) => i.iri);
  const instrumentSet = new Set<string>(instruments);
  const isProvision = (iri: string) => instrumentSet.has(iri) || kg.index.provisionRecord(iri as ProvisionId) !== undefined;
  let suggested = 0;
  const nearProvisions = (iri: string): string[] => {
    const split = splitProvisionId(iri, instruments);
    if (!split || ++suggested > 20) return [];
    // Compared by what follows the instrument's IRI (`art_9/para_1`): short strings, so a few hundred are cheap.
    const instrument = kg.dataset.instruments.find((i) => i.iri === split.instrument)!;
    const cut = split.instrument.length + 1;
    const byTail = new Map(kg.dataset.provisions.filter((p) => p.instrument === instrument.id).map((p) => [p.id.slice(cut), p.id] as const));
    return closest(iri.slice(cut), byTail.keys(), 3).map((tail) => byTail.get(tail)!);
  };

  const links: CorpusLinkRecord[] = [];
  for (const node of nodes) {
    const value = (p: string) => node.values.get(p)?.[0]?.value;
    const from = value(RDF.subject);
    const predicate = value(RDF.predicate);
    const to = value(RDF.object);
    const property = predicate === undefined ? undefined : PROPERTY_OF.get(predicate);
    const section = from === undefined ? undefined : context.sections.get(from);
    const isCase = from !== undefined && context.caseIris.has(from);
    if (context.merged && !section && !isCase) continue; // a link of the curated graph
    if (from === undefined || to === undefined || property === undefined) {
      report(node, 'missing_value', `link <${node.iri.slice(0, 80)}> needs rdf:subject, rdf:object and rdf:predicate eli:implements or ukg:applies`);
      continue;
    }
    if ((property === 'implements' && !section) || (property === 'applies' && !isCase)) {
      report(node, property === 'implements' ? 'unknown_section' : 'invalid_value', `<${from.slice(0, 80)}> is no ${property === 'implements' ? 'section' : 'case'} of this corpus, so it cannot be the subject of ${property}`);
      continue;
    }
    let toKind: CorpusLinkRecord['toKind'];
    if (isProvision(to)) toKind = 'provision';
    else if (property === 'applies' && context.sections.has(to)) toKind = 'section';
    else {
      const treaty = splitProvisionId(to, instruments) !== undefined || property === 'implements';
      report(node, treaty ? 'unknown_provision' : 'unknown_section', `<${to.slice(0, 80)}> is no ${treaty ? 'provision of the graph' : 'section of this corpus'}`, treaty ? nearProvisions(to) : []);
      continue;
    }
    const basis = value(UKG.basis);
    const derivedFrom = value(PROV.wasDerivedFrom);
    const source = derivedFrom === undefined ? undefined : context.sourceKey.get(derivedFrom);
    const locator = value(UKG.locator);
    const note = value(RDFS.comment);
    if (basis === undefined || !BASES.has(basis)) {
      report(node, 'invalid_value', `the basis of link <${node.iri.slice(0, 80)}> is text, source or curated, not ${JSON.stringify((basis ?? '').slice(0, 40))}`, [...BASES]);
      continue;
    }
    if (source === undefined) {
      report(node, 'unknown_source', `<${(derivedFrom ?? '').slice(0, 80)}> is no source of this corpus`, [...context.sourceKey.keys()].slice(0, 3));
      continue;
    }
    if (basis === 'source' && !locator) {
      report(node, 'missing_locator', 'a link with basis "source" says where in the source (ukg:locator)');
      continue;
    }
    if (basis === 'curated' && !note) {
      report(node, 'missing_note', 'a curated link says why (rdfs:comment)');
      continue;
    }
    const status = value(UKG.status);
    if (status !== undefined && status !== 'asserted') {
      report(node, 'invalid_value', `a corpus link is asserted, not ${JSON.stringify(status.slice(0, 40))}`);
      continue;
    }
    const id: LinkId = linkId(property, from, to, source);
    if (id !== node.iri) {
      report(node, 'invalid_value', `link <${node.iri.slice(0, 80)}> should be <${id}>: its IRI is the hash of what it says`);
      continue;
    }
    links.push({
      id,
      property,
      from: from as SectionIri | CaseIri,
      document: section ? section.legislation : (from as CaseIri),
      to: to as ProvisionId | SectionIri,
      toKind,
      basis: basis as Basis,
      source,
      ...(locator !== undefined && { locator }),
      ...(note !== undefined && { note }),
      derived: value(UKG.foundInText) === 'true',
      line: node.line,
    });
  }
  return links;
}
