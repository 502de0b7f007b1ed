/**
 * The lookup tables the corpus queries read: documents and sections by IRI, links by either end (grouped and ordered
 * as answers show them), for every provision the linked provisions inside it (with the chain down to each, the
 * index's own) and around it, the views answers show (src/lookup/corpus-views.ts), and, within a budget linear in
 * the links, the default answer of `documentsAddressing` for every provision (src/lookup/corpus-answers.ts). Built once
 * per set of loaded corpora (`withCorpora` pays for it), in one pass over their links, beside the graph's own index
 * (which it reads for provision ancestry and labels).
 *
 * @module
 */
import type { CaseRecord, Corpus, CorpusLinkRecord, CorpusSourceRecord, DocumentRecord, LegislationRecord, SectionRecord } from '../model/corpus.js';
import type { ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { belowEach } from './addressing.js';
import type { GraphIndex } from './build.js';
import { budgetFor, buildAnswers, type CorpusMatch } from './corpus-answers.js';
import { CorpusViews, type CorpusStep, type LinkGroup } from './corpus-views.js';

export type { CorpusMatch } from './corpus-answers.js';
export type { LinkGroup } from './corpus-views.js';

/**
 * A provision inside (or, for `broaderLinkedOf`, around) another that some corpus link targets, with the chain between
 * them and its structural steps (`hasPart` down to it, `partOf` up to it; shared, frozen).
 */
export interface LinkedBelow {
  readonly via: ProvisionId;
  readonly chain: readonly ProvisionId[];
  readonly steps: readonly CorpusStep[];
}

/** Read-only lookups over the loaded research corpora. */
export interface CorpusLookup {
  readonly corpora: readonly Corpus[];
  /** National laws and cases by IRI. */
  readonly documents: ReadonlyMap<string, DocumentRecord>;
  readonly sections: ReadonlyMap<string, SectionRecord>;
  /** Sources by `{corpus id}\n{source id}`, and each corpus's own record by its id. */
  readonly sources: ReadonlyMap<string, CorpusSourceRecord>;
  /** The corpus a document, section or link belongs to. */
  corpusOf(iri: string): Corpus | undefined;
  /** Links whose object is a treaty provision (or instrument) or a national section. */
  linksTo(node: string): readonly CorpusLinkRecord[];
  /**
   * The links to `node` grouped by the section or case that states them, ordered laws first, then by State, document
   * id and section key (the order answers show them in, fixed once when the lookup is built).
   */
  linkGroupsTo(node: string): readonly LinkGroup[];
  /** Links whose subject is a section or a case. */
  linksFrom(node: string): readonly CorpusLinkRecord[];
  /** The linked provisions strictly inside `provision`, in document order. */
  linkedBelow(provision: string): readonly LinkedBelow[];
  /** The same, in the order answers show `narrower` matches: by depth below `provision`, each depth in document order. */
  narrowerOf(provision: string): readonly LinkedBelow[];
  /** The linked provisions that enclose `provision`, in the order answers show `broader` matches (the index's `broaderOf`). */
  broaderLinkedOf(provision: string): readonly LinkedBelow[];
  /** The views answers show (documents, sections, evidence, steps), built with the lookup for everything linked. */
  readonly views: CorpusViews;
  /**
   * The default answer of `documentsAddressing` for every provision and instrument that has one (exact, broader,
   * narrower, in answer order; frozen lists of frozen results), built with the lookup when all of them fit its budget
   * (src/lookup/corpus-answers.ts); `undefined` when they do not, and a query builds its results per call.
   */
  readonly answers: ReadonlyMap<string, readonly CorpusMatch[]> | undefined;
  /** The treaty provisions a case applies (directly), deduplicated, in document order. */
  provisionsAppliedBy(caseIri: string): readonly ProvisionId[];
  /** Every case, and every law, in input order. */
  readonly cases: readonly CaseRecord[];
  readonly legislation: readonly LegislationRecord[];
  /** The States that have at least one document, alpha-2, sorted. */
  readonly states: readonly string[];
}

const EMPTY: readonly never[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Internal options of {@link buildCorpusLookup} (tests use them; the library never passes any). */
export interface CorpusLookupOptions {
  /** How many results the default answers may hold in all (default: by the number of links, `budgetFor`). */
  readonly answerBudget?: number;
}

/**
 * Builds the corpus lookup over the graph's index.
 *
 * @example
 * ```ts
 * const lookup = buildCorpusLookup(kg.index, [corpus])
 * lookup.linksTo(provisionIri).length
 * ```
 */
export function buildCorpusLookup(index: GraphIndex, corpora: readonly Corpus[], options: CorpusLookupOptions = {}): CorpusLookup {
  const documents = new Map<string, DocumentRecord>();
  const sections = new Map<string, SectionRecord>();
  const sources = new Map<string, CorpusSourceRecord>();
  const owner = new Map<string, Corpus>();
  const linksTo = new Map<string, CorpusLinkRecord[]>();
  const linksFrom = new Map<string, CorpusLinkRecord[]>();
  const cases: CaseRecord[] = [];
  const legislation: LegislationRecord[] = [];
  const states = new Set<string>();
  for (const corpus of corpora) {
    for (const s of corpus.sources) sources.set(`${corpus.id}\n${s.id}`, s);
    for (const law of corpus.legislation) {
      documents.set(law.iri, law);
      owner.set(law.iri, corpus);
      legislation.push(law);
      states.add(law.state);
    }
    for (const section of corpus.sections) {
      sections.set(section.iri, section);
      owner.set(section.iri, corpus);
    }
    for (const c of corpus.cases) {
      documents.set(c.iri, c);
      owner.set(c.iri, corpus);
      cases.push(c);
      states.add(c.state);
    }
    for (const link of corpus.links) {
      push(linksTo, link.to, link);
      push(linksFrom, link.from, link);
      owner.set(link.id, corpus);
    }
  }

  const views = new CorpusViews({ documents, sources, corpusOf: (iri) => owner.get(iri), labelOf: (id) => index.labelOf(id) });
  const groups = new Map<string, readonly LinkGroup[]>();
  for (const [node, links] of linksTo) groups.set(node, groupLinks(node, links, sections, documents, views));

  // Every linked provision, under each provision that encloses it (document order, and by depth), and above each
  // provision the linked ones around it (answer order), each with its steps: a query builds no step of its own.
  const linked: ProvisionId[] = [];
  for (const node of linksTo.keys()) {
    const record = index.provisionRecord(node as ProvisionId);
    if (record) linked.push(record.id);
  }
  const found = belowEach(linked, index);
  const withSteps = new Map<object, LinkedBelow>();
  const stepped = (list: readonly { via: ProvisionId; chain: readonly ProvisionId[] }[]): readonly LinkedBelow[] =>
    list.map((entry) => {
      let out = withSteps.get(entry);
      if (!out) withSteps.set(entry, (out = { via: entry.via, chain: entry.chain, steps: views.along(entry.chain, 'hasPart') }));
      return out;
    });
  const below = new Map<string, readonly LinkedBelow[]>();
  const byDepth = new Map<string, readonly LinkedBelow[]>();
  for (const [id, list] of found.below) below.set(id, stepped(list));
  for (const [id, list] of found.byDepth) byDepth.set(id, stepped(list));
  // Above each provision, every linked node around it: a linked instrument too, also when no provision is linked.
  const above = new Map<string, readonly LinkedBelow[]>();
  if (groups.size > 0) {
    for (const { id } of index.provisions.values()) {
      const list: LinkedBelow[] = [];
      for (const { id: via, chain } of index.broaderOf(id)) if (groups.has(via)) list.push({ via, chain, steps: views.along(chain, 'partOf') });
      if (list.length > 0) above.set(id, list);
    }
  }

  const applied = new Map<string, readonly ProvisionId[]>();
  const provisionsAppliedBy = (caseIri: string): readonly ProvisionId[] => {
    let list = applied.get(caseIri);
    if (!list) {
      const ids = new Set<ProvisionId>();
      for (const l of linksFrom.get(caseIri) ?? EMPTY) if (l.toKind === 'provision') ids.add(l.to as ProvisionId);
      list = [...ids].sort((a, b) => index.orderOf(a) - index.orderOf(b));
      applied.set(caseIri, list);
    }
    return list;
  };

  const linkGroupsTo = (node: string): readonly LinkGroup[] => groups.get(node) ?? EMPTY;
  const narrowerOf = (provision: string): readonly LinkedBelow[] => byDepth.get(provision) ?? EMPTY;
  const broaderLinkedOf = (provision: string): readonly LinkedBelow[] => above.get(provision) ?? EMPTY;
  let links = 0;
  for (const corpus of corpora) links += corpus.links.length;
  const answers = buildAnswers(index, { linkGroupsTo, narrowerOf, broaderLinkedOf }, options.answerBudget ?? budgetFor(links));

  return {
    corpora,
    documents,
    sections,
    sources,
    corpusOf: (iri) => owner.get(iri),
    linksTo: (node) => linksTo.get(node) ?? EMPTY,
    linksFrom: (node) => linksFrom.get(node) ?? EMPTY,
    linkGroupsTo,
    linkedBelow: (provision) => below.get(provision) ?? EMPTY,
    narrowerOf,
    broaderLinkedOf,
    views,
    answers,
    provisionsAppliedBy,
    cases,
    legislation,
    states: [...states].sort(),
  };
}

/** Links grouped by their subject (first-seen order within a group), the groups in the order answers show them. */
function groupLinks(
  node: string,
  links: readonly CorpusLinkRecord[],
  sections: ReadonlyMap<string, SectionRecord>,
  documents: ReadonlyMap<string, DocumentRecord>,
  views: CorpusViews,
): readonly LinkGroup[] {
  const byFrom = new Map<string, CorpusLinkRecord[]>();
  for (const link of links) push(byFrom, link.from, link);
  const out: { key: string; group: LinkGroup }[] = [];
  for (const [from, own] of byFrom) {
    const section = sections.get(from);
    const document = section ? documents.get(section.legislation) : documents.get(from);
    if (!document) continue;
    out.push({ group: views.group(node, from, section, document, own), key: `${document.kind === 'legislation' ? 0 : 1}\n${document.state}\n${document.id}\n${section?.key ?? ''}` });
  }
  out.sort((a, b) => compareStrings(a.key, b.key));
  return Object.freeze(out.map((entry) => entry.group));
}
