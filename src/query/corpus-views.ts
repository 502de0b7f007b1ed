/**
 * How the corpus queries show national laws, their sections and the evidence of corpus links: the views the corpus
 * lookup builds with the graph (src/lookup/corpus-views.ts), shared by every answer (`documentsAddressing`,
 * `coverage`, a provision's page, `explainPath`).
 *
 * @module
 */
import type { CorpusViews, DocumentView, SectionView } from '../lookup/corpus-views.js';
import type { ProvisionId } from '../model/ids.js';
import { corpusLookupOf, type CorpusGraph } from './corpus-graph.js';
import { provisionView, type Evidence, type ProvisionView } from './views.js';

export type { DocumentView, SectionView } from '../lookup/corpus-views.js';

/** The shared views of a graph's corpora: built with its corpus lookup (`withCorpora`), for everything a link shows. */
export function viewsOf(kg: CorpusGraph): CorpusViews {
  return corpusLookupOf(kg).views;
}

/** A section or case linked to a provision, as a provision's page lists it. */
export interface LinkedDocument {
  readonly document: DocumentView;
  /** The section that implements the provision, or `null` for a case. */
  readonly section: SectionView | null;
  /** `exact`: linked to the provision itself; `narrower`: to a provision inside it (`via`). */
  readonly match: 'exact' | 'narrower';
  readonly via: ProvisionView;
  readonly evidence: readonly Evidence[];
}

/** The sections that implement a provision and the cases that apply it: how many, and the first few of each. */
export interface ProvisionDocuments {
  readonly sections: { readonly count: number; readonly first: readonly LinkedDocument[] };
  readonly cases: { readonly count: number; readonly first: readonly LinkedDocument[] };
}

/**
 * The national sections that implement a provision (or one inside it) and the cases that apply it, from the loaded
 * corpora: counts, and the first `limit` of each in document order (exact links first).
 *
 * @example
 * ```ts
 * documentsOf(kg, provisionIri).sections.count // 3
 * ```
 */
export function documentsOf(kg: CorpusGraph, provision: ProvisionId, limit = 5): ProvisionDocuments {
  const lookup = corpusLookupOf(kg);
  const v = viewsOf(kg);
  const sections = new Map<string, LinkedDocument>();
  const cases = new Map<string, LinkedDocument>();
  const visit = (via: ProvisionId, match: LinkedDocument['match']) => {
    const links = lookup.linksTo(via);
    if (links.length === 0) return;
    const viaView = provisionView(kg, via);
    const added = new Map<string, Evidence[]>();
    for (const link of links) {
      const evidence = added.get(link.from);
      if (evidence) {
        evidence.push(v.evidence(link));
        continue;
      }
      const section = link.property === 'implements' ? lookup.sections.get(link.from) : undefined;
      const document = lookup.documents.get(section ? section.legislation : link.from);
      const into = section ? sections : cases;
      if (!document || into.has(link.from)) continue;
      const own = [v.evidence(link)];
      added.set(link.from, own);
      into.set(link.from, { document: v.document(document), section: section ? v.section(section) : null, match, via: viaView, evidence: own });
    }
  };
  visit(provision, 'exact');
  for (const { via } of lookup.linkedBelow(provision)) visit(via, 'narrower');
  return {
    sections: { count: sections.size, first: [...sections.values()].slice(0, limit) },
    cases: { count: cases.size, first: [...cases.values()].slice(0, limit) },
  };
}
