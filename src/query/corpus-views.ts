/**
 * How the corpus queries show national laws, their sections and the evidence of corpus links: views built once per
 * corpus lookup and shared by every answer (`documentsAddressing`, `coverage`, a provision's page).
 *
 * @module
 */
import type { CorpusLinkRecord, DocumentRecord, SectionRecord } from '../model/corpus.js';
import { sourceId, type DocumentIri, type ProvisionId, type SectionIri } from '../model/ids.js';
import { corpusLookupOf, type CorpusGraph } from './corpus-graph.js';
import type { LinkGroup } from '../lookup/corpus.js';
import type { PathStep } from './steps.js';
import { nodeLabel, provisionView, type Evidence, type ProvisionView } from './views.js';

/** A national law or a case as queries show it. */
export interface DocumentView {
  readonly kind: 'legislation' | 'case';
  /** The user's id (`it-tui`, `EXAMPLE-ITAx041`). */
  readonly id: string;
  readonly iri: DocumentIri;
  readonly title: string;
  /** ISO 3166-1 alpha-2. */
  readonly state: string;
  /** The corpus it was loaded from. */
  readonly corpus: string;
}

/** A section of a national law as queries show it. */
export interface SectionView {
  readonly iri: SectionIri;
  /** `{law id}#{number}`, nested numbers joined by `/`. */
  readonly key: string;
  readonly number: string;
  /** `TUI art. 12`: the law's first abbreviation (or id) and the section's number path. */
  readonly label: string;
  readonly heading: string | null;
}

/** What an answer shows of one link group: the document, the section, the last step of the path and the evidence. */
export interface GroupView {
  readonly document: DocumentView;
  readonly section: SectionView | null;
  /** From the provision the group links to, to the section or case (`implementedBy`, `appliedBy`). */
  readonly step: PathStep;
  readonly evidence: readonly Evidence[];
}

/** Views of documents, sections, link groups and evidence, built once per lookup and shared. */
export class Views {
  readonly #documents = new Map<string, DocumentView>();
  readonly #sections = new Map<string, SectionView>();
  readonly #evidence = new Map<string, Evidence>();
  readonly #groups = new WeakMap<LinkGroup, GroupView>();
  constructor(private readonly kg: CorpusGraph) {}

  /** The view of a link group of `linkGroupsTo(via)` (shared and frozen). */
  group(via: string, group: LinkGroup): GroupView {
    let view = this.#groups.get(group);
    if (!view) {
      const section = group.section ? this.section(group.section) : null;
      const evidence = Object.freeze(group.links.map((l) => this.evidence(l)));
      const step: PathStep = Object.freeze({
        from: Object.freeze({ iri: via, label: nodeLabel(this.kg, via) }),
        relation: group.links[0]!.property === 'implements' ? 'implementedBy' : 'appliedBy',
        to: Object.freeze({ iri: group.from, label: section ? section.label : group.document.title }),
        evidence,
      });
      view = Object.freeze({ document: this.document(group.document), section, step, evidence });
      this.#groups.set(group, view);
    }
    return view;
  }

  document(record: DocumentRecord): DocumentView {
    let view = this.#documents.get(record.iri);
    if (!view) {
      const corpus = corpusLookupOf(this.kg).corpusOf(record.iri)?.id ?? '';
      view = Object.freeze({ kind: record.kind, id: record.id, iri: record.iri, title: record.title, state: record.state, corpus });
      this.#documents.set(record.iri, view);
    }
    return view;
  }

  section(record: SectionRecord): SectionView {
    let view = this.#sections.get(record.iri);
    if (!view) {
      const law = corpusLookupOf(this.kg).documents.get(record.legislation);
      const name = law?.kind === 'legislation' ? (law.abbreviations[0] ?? law.id) : '';
      const numbers = record.key.slice(record.key.indexOf('#') + 1).split('/');
      const label = `${name} art. ${numbers[0]}${numbers.slice(1).map((n) => `(${n})`).join('')}`;
      const heading = record.heading ? (record.heading['en'] ?? Object.values(record.heading)[0] ?? null) : null;
      view = Object.freeze({ iri: record.iri, key: record.key, number: record.number, label, heading });
      this.#sections.set(record.iri, view);
    }
    return view;
  }

  evidence(link: CorpusLinkRecord): Evidence {
    let evidence = this.#evidence.get(link.id);
    if (!evidence) {
      const lookup = corpusLookupOf(this.kg);
      const corpus = lookup.corpusOf(link.id);
      const source = lookup.sources.get(`${corpus?.id}\n${link.source}`);
      evidence = Object.freeze({
        basis: link.basis,
        source: sourceId(link.source),
        sourceTitle: source?.title ?? link.source,
        locator: link.locator ?? null,
        note: link.note ?? null,
        link: link.id,
      });
      this.#evidence.set(link.id, evidence);
    }
    return evidence;
  }
}

const views = new WeakMap<object, Views>();

/** The shared views of a graph's corpus lookup. */
export function viewsOf(kg: CorpusGraph): Views {
  const lookup = corpusLookupOf(kg);
  let v = views.get(lookup);
  if (!v) views.set(lookup, (v = new Views(kg)));
  return v;
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
