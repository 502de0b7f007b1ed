/**
 * How answers show the research corpora: documents, sections, the evidence of each link, the last step of a path (the
 * implementing or applying link) and the structural steps along the provision tree. Built with the corpus lookup (in
 * `withCorpora`, so the load pays for them, not a query's first call), frozen and shared by every answer. The shapes
 * are the queries' own (`Evidence`, `PathStep` of src/query); they are written here because the lookup, a lower
 * layer, builds them, and the queries' types accept them as they are.
 *
 * @module
 */
import type { Corpus, CorpusLinkRecord, CorpusSourceRecord, DocumentRecord, SectionRecord } from '../model/corpus.js';
import type { Basis } from '../model/files.js';
import { sourceId, type DocumentIri, type LinkId, type SectionIri, type SourceId } from '../model/ids.js';

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

/** Who says a corpus link holds (the queries' `Evidence`, for a corpus link). */
export interface CorpusEvidence {
  readonly basis: Basis;
  readonly source: SourceId;
  readonly sourceTitle: string;
  readonly locator: string | null;
  readonly note: string | null;
  readonly link: LinkId;
}

/** A node on a path, with its readable name. */
export interface StepNode {
  readonly iri: string;
  readonly label: string;
}

/** One step of a path: along the provision tree (no evidence), or a corpus link read from the provision's side. */
export interface CorpusStep {
  readonly from: StepNode;
  readonly relation: 'partOf' | 'hasPart' | 'implementedBy' | 'appliedBy';
  readonly to: StepNode;
  readonly evidence: readonly CorpusEvidence[];
}

/**
 * The links from one section or case to one node, with the document they belong to, and what an answer shows of
 * them (built with the lookup, on the group itself so that a result reads one object).
 */
export interface LinkGroup {
  readonly from: string;
  /** The section that states the links, or `undefined` for a case. */
  readonly section: SectionRecord | undefined;
  readonly document: DocumentRecord;
  readonly links: readonly CorpusLinkRecord[];
  readonly documentView: DocumentView;
  /** The section's view, or `null` for a case. */
  readonly sectionView: SectionView | null;
  /** From the node the group links to, to the section or case (`implementedBy`, `appliedBy`). */
  readonly step: CorpusStep;
  /** The path of an exact match: the step alone (frozen; results' paths are read-only). */
  readonly path: readonly CorpusStep[];
  readonly evidence: readonly CorpusEvidence[];
}

const NO_EVIDENCE: readonly CorpusEvidence[] = Object.freeze([]);

/** The views of the loaded corpora: built once (with the lookup, for everything a link shows) and shared. */
export class CorpusViews {
  readonly #documents = new Map<string, DocumentView>();
  readonly #sections = new Map<string, SectionView>();
  readonly #evidence = new Map<string, CorpusEvidence>();
  readonly #nodes = new Map<string, StepNode>();
  readonly #sourcesOf = new Map<Corpus | undefined, Map<string, { readonly id: SourceId; readonly title: string }>>();
  readonly #structural = { partOf: new Map<string, Map<string, CorpusStep>>(), hasPart: new Map<string, Map<string, CorpusStep>>() };

  constructor(
    private readonly tables: {
      readonly documents: ReadonlyMap<string, DocumentRecord>;
      readonly sources: ReadonlyMap<string, CorpusSourceRecord>;
      readonly corpusOf: (iri: string) => Corpus | undefined;
      /** A provision's or instrument's label (the index's), if the node is one. */
      readonly labelOf: (iri: string) => string | undefined;
    },
  ) {}

  /** A document's view. */
  document(record: DocumentRecord): DocumentView {
    let view = this.#documents.get(record.iri);
    if (!view) {
      const corpus = this.tables.corpusOf(record.iri)?.id ?? '';
      view = Object.freeze({ kind: record.kind, id: record.id, iri: record.iri, title: record.title, state: record.state, corpus });
      this.#documents.set(record.iri, view);
    }
    return view;
  }

  /** A section's view, with its label (`TUI art. 12(1)`). */
  section(record: SectionRecord): SectionView {
    let view = this.#sections.get(record.iri);
    if (!view) {
      const law = this.tables.documents.get(record.legislation);
      const name = law?.kind === 'legislation' ? (law.abbreviations[0] ?? law.id) : '';
      const numbers = record.key.slice(record.key.indexOf('#') + 1).split('/');
      let label = `${name} art. ${numbers[0]}`;
      for (let i = 1; i < numbers.length; i++) label += `(${numbers[i]})`;
      const heading = record.heading ? (record.heading['en'] ?? Object.values(record.heading)[0] ?? null) : null;
      view = Object.freeze({ iri: record.iri, key: record.key, number: record.number, label, heading });
      this.#sections.set(record.iri, view);
    }
    return view;
  }

  /** A corpus link's evidence. */
  evidence(link: CorpusLinkRecord): CorpusEvidence {
    let evidence = this.#evidence.get(link.id);
    if (!evidence) {
      const source = this.#source(link);
      evidence = Object.freeze({ basis: link.basis, source: source.id, sourceTitle: source.title, locator: link.locator ?? null, note: link.note ?? null, link: link.id });
      this.#evidence.set(link.id, evidence);
    }
    return evidence;
  }

  /** A link's source: its key and title, looked up once per corpus and key (a corpus has few sources, and many links). */
  #source(link: CorpusLinkRecord): { readonly id: SourceId; readonly title: string } {
    const corpus = this.tables.corpusOf(link.id);
    let byKey = this.#sourcesOf.get(corpus);
    if (!byKey) this.#sourcesOf.set(corpus, (byKey = new Map()));
    let source = byKey.get(link.source);
    if (!source) {
      const record = this.tables.sources.get(`${corpus?.id}\n${link.source}`);
      byKey.set(link.source, (source = { id: sourceId(link.source), title: record?.title ?? link.source }));
    }
    return source;
  }

  /** The group of the links from one section or case to `node`, with what answers show of it (frozen). */
  group(node: string, from: string, section: SectionRecord | undefined, document: DocumentRecord, links: readonly CorpusLinkRecord[]): LinkGroup {
    const sectionView = section ? this.section(section) : null;
    const evidence = Object.freeze(links.map((l) => this.evidence(l)));
    const step: CorpusStep = Object.freeze({
      from: this.#node(node),
      relation: links[0]!.property === 'implements' ? 'implementedBy' : 'appliedBy',
      to: Object.freeze({ iri: from, label: sectionView ? sectionView.label : document.title }),
      evidence,
    });
    const documentView = this.document(document);
    return Object.freeze({ from, section, document, links: Object.freeze(links), documentView, sectionView, step, path: Object.freeze([step]), evidence });
  }

  /** The structural steps along a chain of provisions ([a, b, c] → a rel b, b rel c), each step shared by every chain. */
  along(chain: readonly string[], relation: 'partOf' | 'hasPart'): readonly CorpusStep[] {
    const out: CorpusStep[] = [];
    const byFrom = this.#structural[relation];
    for (let i = 0; i + 1 < chain.length; i++) {
      const from = chain[i]!;
      const to = chain[i + 1]!;
      let steps = byFrom.get(from);
      if (!steps) byFrom.set(from, (steps = new Map()));
      let step = steps.get(to);
      if (!step) steps.set(to, (step = Object.freeze({ from: this.#node(from), relation, to: this.#node(to), evidence: NO_EVIDENCE })));
      out.push(step);
    }
    return Object.freeze(out);
  }

  /** A provision (or other node) on a path, with the label queries give it. */
  #node(iri: string): StepNode {
    let node = this.#nodes.get(iri);
    if (!node) this.#nodes.set(iri, (node = Object.freeze({ iri, label: this.tables.labelOf(iri) ?? iri })));
    return node;
  }
}
