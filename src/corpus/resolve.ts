/**
 * The second pass of reading a corpus: sections find their law and parent, links find the treaty provisions
 * (through the citation parser and resolver every other input uses) and the national sections they name, and the
 * corpus's records are built. Citations repeat across a corpus, so each distinct one is resolved once.
 *
 * @module
 */
import { resolveCitation } from '../citation/resolve.js';
import type { KnowledgeGraphCore } from '../core.js';
import { isUntocKgError } from '../errors.js';
import type {
  CaseRecord,
  ChargeRecord,
  Corpus,
  CorpusLinkRecord,
  CorpusSourceRecord,
  LanguageMap,
  LegislationRecord,
  SectionRecord,
} from '../model/corpus.js';
import {
  caseIri,
  corpusGraphIri,
  legislationIri,
  linkId,
  sectionIri,
  type CaseIri,
  type LinkId,
  type LegislationIri,
  type ProvisionId,
  type SectionIri,
} from '../model/ids.js';
import { closest } from '../util/closest.js';
import { deriveLinks } from './derive.js';
import type { CorpusRowError, FirstPass, ReadCorpusOptions } from './pass.js';
import type { AppliesLink, ImplementsLink } from './records.js';

const ELEMENTS = ['art', 'para', 'point'] as const;

function languages(value: string | Readonly<Record<string, string>> | undefined): LanguageMap | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? { en: value } : value;
}

/** Resolves provisions by citation text, once per distinct text. */
export class ProvisionResolver {
  readonly #cache = new Map<string, { ids: readonly ProvisionId[] } | { error: { message: string; suggestions: readonly string[] } }>();
  constructor(private readonly kg: KnowledgeGraphCore) {}

  resolve(text: string): { ids: readonly ProvisionId[] } | { error: { message: string; suggestions: readonly string[] } } {
    let found = this.#cache.get(text);
    if (!found) {
      try {
        found = { ids: resolveCitation(this.kg, text).targets.map((t) => t.id) };
      } catch (error) {
        if (!isUntocKgError(error)) throw error;
        found = { error: { message: error.message.replace(/^resolveCitation: /, ''), suggestions: error.suggestions } };
      }
      this.#cache.set(text, found);
    }
    return found;
  }
}

/** Builds the corpus from the first pass's records; every problem is returned, nothing thrown. */
export function resolveCorpus(kg: KnowledgeGraphCore, pass: FirstPass, options: ReadCorpusOptions): { corpus: Corpus; errors: CorpusRowError[] } {
  const errors = pass.errors;
  const id = pass.header?.record.id ?? options.id ?? 'corpus';
  const title = pass.header?.record.title ?? options.title ?? `Research corpus ${id}`;
  const provisions = new ProvisionResolver(kg);
  // "Did you mean" scans every candidate: offered for the first problems only, so a file of bad rows stays linear.
  let suggestionsLeft = 50;
  const near = (value: string, candidates: Iterable<string>): string[] => (suggestionsLeft-- > 0 ? closest(value, candidates, 3) : []);

  // Sources: the corpus's own, and the corpus itself (for curated links and the documents' own text).
  const sources: CorpusSourceRecord[] = [{ id, title }];
  for (const { record } of pass.sources.values()) sources.push({ id: record.id, title: record.title, ...(record.url && { url: record.url }) });
  const sourceIds = new Set(sources.map((s) => s.id));

  // Laws.
  const laws = new Map<string, { record: LegislationRecord; sections: SectionIri[] }>();
  for (const { line, record, state } of pass.laws.values()) {
    const sections: SectionIri[] = [];
    const law: LegislationRecord = {
      kind: 'legislation',
      iri: legislationIri(state.alpha3, record.id),
      id: record.id,
      state: state.alpha2,
      title: record.title,
      ...(record.officialId && { officialId: record.officialId }),
      ...(record.date && { date: record.date }),
      ...(record.url && { url: record.url }),
      languages: record.languages ?? [],
      abbreviations: record.abbreviations ?? [],
      sections,
      ...(record.note && { note: record.note }),
      line,
    };
    laws.set(record.id, { record: law, sections });
  }

  // Sections: each finds its law and parent (which may come later in the file); IRIs nest like provisions.
  const sections = new Map<string, SectionRecord & { children: SectionIri[] }>();
  // The sections being built, innermost last: at most MAX_SECTION_DEPTH deep (the first pass refuses deeper ones).
  const building: string[] = [];
  const build = (key: string): (SectionRecord & { children: SectionIri[] }) | undefined => {
    const done = sections.get(key);
    if (done) return done;
    const entry = pass.sections.get(key);
    if (!entry || building.includes(key)) return undefined;
    const { line, record } = entry;
    const law = laws.get(record.legislation);
    if (!law) {
      errors.push({ line, field: 'legislation', code: 'unknown_legislation', message: `no legislation "${record.legislation.slice(0, 80)}" in this corpus`, suggestions: near(record.legislation, laws.keys()) });
      return undefined;
    }
    building.push(key);
    const parentKey = record.parent !== undefined ? `${record.legislation}#${record.parent}` : undefined;
    const parent = parentKey !== undefined ? build(parentKey) : undefined;
    building.pop();
    if (parentKey !== undefined && !parent) {
      if (!pass.sections.has(parentKey)) errors.push({ line, field: 'parent', code: 'unknown_section', message: `no section "${parentKey.slice(0, 80)}" to nest under`, suggestions: nearSections(parentKey) });
      return undefined;
    }
    const depth = parentKey === undefined ? 0 : key.split('/').length - 1;
    let iri: SectionIri;
    try {
      iri = sectionIri(parent?.iri ?? law.record.iri, ELEMENTS[Math.min(depth, 2)]!, record.number);
    } catch {
      errors.push({ line, field: 'number', code: 'invalid_value', message: `"${record.number.slice(0, 40)}" is not a section number` });
      return undefined;
    }
    const section: SectionRecord & { children: SectionIri[] } = {
      iri,
      legislation: law.record.iri,
      key,
      number: record.number,
      ...(record.heading !== undefined && { heading: languages(record.heading)! }),
      ...(record.text !== undefined && { text: languages(record.text)! }),
      ...(parent && { parent: parent.iri }),
      children: [],
      line,
    };
    sections.set(key, section);
    if (parent) parent.children.push(iri);
    else law.sections.push(iri);
    return section;
  };
  const nearSections = (key: string) => near(key, pass.sections.keys());
  for (const key of pass.sections.keys()) build(key);

  const links: CorpusLinkRecord[] = [];
  // A link's id is a hash of what makes it the same link (property, from, to, source): the set of ids finds repeats.
  const linkIds = new Set<string>();
  /** The id of a link not seen before; `undefined` for a repeat. Links are built only once their id is new. */
  const newLinkId = (property: CorpusLinkRecord['property'], from: string, to: string, source: string): LinkId | undefined => {
    const linkIri = linkId(property, from, to, source);
    const seen = linkIds.size;
    return linkIds.add(linkIri).size > seen ? linkIri : undefined;
  };
  const addLink = (link: Omit<CorpusLinkRecord, 'id'>): void => {
    const linkIri = newLinkId(link.property, link.from, link.to, link.source);
    if (linkIri) links.push({ id: linkIri, ...link });
  };

  /** Checks a link's provenance and gives its source key, or reports what is missing. */
  const provenance = (line: number, field: string, link: ImplementsLink | AppliesLink): string | undefined => {
    if (link.basis === 'source') {
      if (!link.source) return void errors.push({ line, field: `${field}.source`, code: 'missing_value', message: 'a link with basis "source" names its source' });
      if (!link.locator) return void errors.push({ line, field: `${field}.locator`, code: 'missing_locator', message: 'a link with basis "source" says where in the source (locator)' });
    }
    if (link.basis === 'curated' && !link.note) return void errors.push({ line, field: `${field}.note`, code: 'missing_note', message: 'a curated link says why (note)' });
    const source = link.source ?? id;
    if (!sourceIds.has(source)) {
      return void errors.push({ line, field: `${field}.source`, code: 'unknown_source', message: `no source "${source.slice(0, 80)}" in this corpus (add a "source" record)`, suggestions: near(source, sourceIds) });
    }
    return source;
  };
  const provisionTargets = (line: number, field: string, text: string): readonly ProvisionId[] => {
    const found = provisions.resolve(text);
    if ('ids' in found) return found.ids;
    errors.push({ line, field, code: 'unknown_provision', message: found.error.message, suggestions: found.error.suggestions });
    return [];
  };
  const sectionTarget = (line: number, field: string, key: string): SectionIri | undefined => {
    const section = sections.get(key);
    if (section) return section.iri;
    if (!pass.sections.has(key)) errors.push({ line, field, code: 'unknown_section', message: `no section "${key.slice(0, 80)}" in this corpus`, suggestions: nearSections(key) });
    return undefined;
  };

  for (const section of sections.values()) {
    const record = pass.sections.get(section.key)!.record;
    record.implements?.forEach((link, k) => {
      const field = `implements.${k}`;
      const source = provenance(section.line, field, link);
      const targets = provisionTargets(section.line, `${field}.provision`, link.provision);
      if (source === undefined) return;
      for (const to of targets) {
        const linkIri = newLinkId('implements', section.iri, to, source);
        if (!linkIri) continue;
        links.push({ id: linkIri, property: 'implements', from: section.iri, document: section.legislation, to, toKind: 'provision', basis: link.basis, source, ...(link.locator && { locator: link.locator }), ...(link.note && { note: link.note }), derived: false, line: section.line });
      }
    });
  }

  const cases: CaseRecord[] = [];
  for (const { line, record, state } of pass.cases.values()) {
    const iri: CaseIri = caseIri(state.alpha3, record.id);
    const charges: ChargeRecord[] = (record.charges ?? []).map((c, k) => {
      const section = c.section !== undefined ? sectionTarget(line, `charges.${k}.section`, c.section) : undefined;
      return { ...(section && { section }), ...(c.charge && { charge: c.charge }), ...(c.verdict && { verdict: c.verdict }), ...(c.sentence && { sentence: c.sentence }) };
    });
    cases.push({
      kind: 'case',
      iri,
      id: record.id,
      state: state.alpha2,
      title: record.title,
      ...(record.court && { court: record.court }),
      ...(record.decisionDate && { decisionDate: record.decisionDate }),
      crimeTypes: record.crimeTypes ?? [],
      ...(record.legalSystem && { legalSystem: record.legalSystem }),
      ...(record.factSummary !== undefined && { factSummary: languages(record.factSummary)! }),
      charges,
      sources: record.sources ?? [],
      crossCuttingIssues: record.crossCuttingIssues ?? [],
      ...(record.url && { url: record.url }),
      ...(record.note && { note: record.note }),
      line,
    });
    record.applies?.forEach((link, k) => {
      const field = `applies.${k}`;
      const source = provenance(line, field, link);
      // The fields in the order an applies link has always had them (its source and target last).
      const add = (source: string, to: ProvisionId | SectionIri, toKind: CorpusLinkRecord['toKind']) => {
        const linkIri = newLinkId('applies', iri, to, source);
        if (linkIri) links.push({ id: linkIri, property: 'applies', from: iri, document: iri, basis: link.basis, ...(link.locator && { locator: link.locator }), ...(link.note && { note: link.note }), derived: false, line, source, to, toKind });
      };
      if ('provision' in link) {
        const targets = provisionTargets(line, `${field}.provision`, link.provision);
        if (source !== undefined) for (const to of targets) add(source, to, 'provision');
      } else {
        const to = sectionTarget(line, `${field}.section`, link.section);
        if (source !== undefined && to) add(source, to, 'section');
      }
    });
  }

  const legislation = [...laws.values()].map((l) => l.record);
  if (options.deriveCitations) {
    for (const link of deriveLinks(kg, { id, legislation, sections: [...sections.values()], cases })) addLink(link);
  }

  const corpus: Corpus = {
    id,
    graph: corpusGraphIri(id),
    title,
    synthetic: pass.header?.record.synthetic ?? false,
    ...(pass.header?.record.note && { note: pass.header.record.note }),
    legislation,
    sections: [...sections.values()],
    cases,
    sources,
    links,
  };
  return { corpus: dropBad(corpus, errors), errors };
}

/** With `keepGood`: leaves out the records that had a problem (links are only ever added when good). */
function dropBad(corpus: Corpus, errors: readonly CorpusRowError[]): Corpus {
  if (errors.length === 0) return corpus;
  const bad = new Set(errors.filter((e) => !/^(?:implements|applies|charges)\./.test(e.field ?? '')).map((e) => e.line));
  const lawsLeft0 = corpus.legislation.filter((l) => !bad.has(l.line));
  const lawIris = new Set<LegislationIri>(lawsLeft0.map((l) => l.iri));
  // Sections come parents first, so one pass drops a section together with a dropped parent.
  const sectionIris = new Set<string>();
  for (const s of corpus.sections) {
    if (!bad.has(s.line) && lawIris.has(s.legislation) && (s.parent === undefined || sectionIris.has(s.parent))) sectionIris.add(s.iri);
  }
  const sectionsLeft = corpus.sections.filter((s) => sectionIris.has(s.iri)).map((s) => ({ ...s, children: s.children.filter((c) => sectionIris.has(c)) }));
  const casesLeft = corpus.cases.filter((c) => !bad.has(c.line));
  const caseIris = new Set<string>(casesLeft.map((c) => c.iri));
  const links = corpus.links.filter((l) => (sectionIris.has(l.from) || caseIris.has(l.from)) && (l.toKind === 'provision' || sectionIris.has(l.to)));
  const lawsLeft = lawsLeft0.map((l) => ({ ...l, sections: l.sections.filter((s) => sectionIris.has(s)) }));
  return { ...corpus, legislation: lawsLeft, sections: sectionsLeft, cases: casesLeft, links };
}
