/**
 * The research corpora's part of `explainPath`: their nodes (laws, sections, cases, by IRI, id or section key), their
 * labels, and their edges (a section implements a provision, a case applies a provision or a section, a section is
 * part of its law), walked in either direction beside the network view's.
 *
 * @module
 */
import type { CorpusLookup } from '../lookup/corpus.js';
import type { PathRelation } from './steps.js';
import { corpusLookupOf, type CorpusGraph } from './corpus-graph.js';
import { viewsOf } from './corpus-views.js';
import type { Evidence } from './views.js';

const names = new WeakMap<CorpusLookup, Map<string, string>>();

/** Laws and cases by their ids, sections by their keys (`it-tui#12`), all lower-cased. */
function namesOf(lookup: CorpusLookup): Map<string, string> {
  let map = names.get(lookup);
  if (!map) {
    map = new Map();
    for (const d of lookup.documents.values()) map.set(d.id.toLowerCase(), d.iri);
    for (const s of lookup.sections.values()) map.set(s.key.toLowerCase(), s.iri);
    names.set(lookup, map);
  }
  return map;
}

/** The corpus node an input names (an IRI, a law or case id, a section key), if any. */
export function corpusNode(kg: CorpusGraph, input: string): string | undefined {
  const lookup = corpusLookupOf(kg);
  if (lookup.corpora.length === 0 || typeof input !== 'string') return undefined;
  const text = input.trim();
  if (lookup.documents.has(text) || lookup.sections.has(text)) return text;
  return namesOf(lookup).get(text.toLowerCase());
}

/** A corpus node's label: a section's (`TUI art. 12`), a law's title, `case ID, title`. */
export function corpusLabel(kg: CorpusGraph, iri: string): string | undefined {
  const lookup = corpusLookupOf(kg);
  const section = lookup.sections.get(iri);
  if (section) return viewsOf(kg).section(section).label;
  const document = lookup.documents.get(iri);
  if (document) return document.kind === 'case' ? `case ${document.id}, ${document.title}` : document.title;
  return undefined;
}

/** Calls `reach` for every corpus edge at `node`: its links out and in, and (unless `noPartOf`) its structure. */
export function corpusEdges(kg: CorpusGraph, node: string, noPartOf: boolean, reach: (node: string, other: string, relation: PathRelation, evidence: () => Evidence[]) => void): void {
  const lookup = corpusLookupOf(kg);
  const v = viewsOf(kg);
  const out = lookup.linksFrom(node);
  for (const link of out) reach(node, link.to, link.property, () => out.filter((l) => l.to === link.to).map((l) => v.evidence(l)));
  const into = lookup.linksTo(node);
  for (const link of into) {
    reach(node, link.from, link.property === 'implements' ? 'implementedBy' : 'appliedBy', () => into.filter((l) => l.from === link.from).map((l) => v.evidence(l)));
  }
  if (noPartOf) return;
  const section = lookup.sections.get(node);
  if (section) {
    reach(node, section.parent ?? section.legislation, 'partOf', () => []);
    for (const child of section.children) reach(node, child, 'hasPart', () => []);
    return;
  }
  const document = lookup.documents.get(node);
  if (document?.kind === 'legislation') for (const s of document.sections) reach(node, s, 'hasPart', () => []);
}
