/**
 * Citations found in a corpus's texts (`deriveCitations`): `findCitations` reads each section's text and each case's
 * fact summary; what it finds becomes a link with basis `text` (the document's own words say so), the corpus as its
 * source and the language and span as its locator. Citations of the corpus's own laws resolve through their
 * abbreviations ("art. 12 TUI"); in a law's own text a bare "article 5" means that law's article 5. In a case's
 * summary a bare "article 5" names no instrument, so it is left out rather than guessed.
 *
 * @module
 */
import { findCitations } from '../citation/find.js';
import { NameMatcher } from '../citation/names.js';
import { resolveParsed } from '../citation/resolve.js';
import type { Citation, PathSegment } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { CaseRecord, CorpusLinkRecord, LanguageMap, LegislationRecord, SectionRecord } from '../model/corpus.js';
import type { ProvisionId, SectionIri } from '../model/ids.js';

/**
 * The instrument key a law goes by inside the citation parser: `corpus-law-{n}`, n its place in the corpus (law ids
 * may hold capitals, which an instrument id may not).
 */
const LAW = 'corpus-law-';
/** The context of a case summary: a bare citation names no instrument, and resolves to nothing. */
const NO_INSTRUMENT = 'corpus-unnamed';

type Target = { readonly kind: 'provision'; readonly id: ProvisionId } | { readonly kind: 'section'; readonly iri: SectionIri };

interface Input {
  readonly id: string;
  readonly legislation: readonly LegislationRecord[];
  readonly sections: readonly SectionRecord[];
  readonly cases: readonly CaseRecord[];
}

/** The links the texts of a corpus cite, with basis `text` and the span as locator. */
export function deriveLinks(kg: KnowledgeGraphCore, corpus: Input): Omit<CorpusLinkRecord, 'id'>[] {
  const lawKey = new Map(corpus.legislation.map((l, n) => [l.iri as string, `${LAW}${n}`] as const));
  const lawOfKey = new Map<string, string>(corpus.legislation.map((l, n) => [`${LAW}${n}`, l.id]));
  const names = new NameMatcher(corpus.legislation.filter((l) => l.abbreviations.length > 0).map((l) => ({ id: lawKey.get(l.iri)!, names: l.abbreviations })));
  const sectionsByKey = new Map(corpus.sections.map((s) => [s.key, s.iri] as const));

  // "art. 12 TUI": a bare citation followed directly by a law's abbreviation names that law.
  const abbreviations = new Map<string, string>();
  for (const law of corpus.legislation) for (const a of law.abbreviations) abbreviations.set(a, lawKey.get(law.iri)!);
  const trailing = abbreviations.size > 0 ? new RegExp(`^[ \\t]+(${[...abbreviations.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u') : undefined;

  const targetsOf = (citation: Citation, text: string, law?: string): Target[] => {
    const out: Target[] = [];
    const visit = (c: Citation): void => {
      if (c.kind === 'list') return c.items.forEach(visit);
      if (c.kind === 'unresolved') return;
      if (c.kind === 'range' || c.kind === 'chapter' || c.kind === 'instrument') {
        const instrument: string = c.kind === 'range' ? c.from.instrument : c.instrument;
        if (!instrument.startsWith(LAW) && instrument !== NO_INSTRUMENT) treaty(c);
        return;
      }
      const instrument: string = law ?? c.instrument;
      if (instrument.startsWith(LAW)) {
        const iri = sectionsByKey.get(`${lawOfKey.get(instrument)}#${sectionPath(c.path)}`);
        if (iri) out.push({ kind: 'section', iri });
        return;
      }
      if (instrument !== NO_INSTRUMENT) treaty(c);
    };
    const treaty = (c: Citation) => {
      try {
        for (const t of resolveParsed('deriveCitations', kg.index, c, text).targets) out.push({ kind: 'provision', id: t.id });
      } catch {
        // A citation of a provision the graph does not have is not a link; the text may simply be wrong.
      }
    };
    visit(citation);
    return out;
  };

  const links: Omit<CorpusLinkRecord, 'id'>[] = [];
  const read = (texts: LanguageMap | undefined, instrument: string, add: (target: Target, locator: string) => void) => {
    if (!texts) return;
    for (const [language, body] of Object.entries(texts)) {
      for (const found of findCitations(body, { instrument }, { names })) {
        const { citation } = found;
        const last = citation.kind === 'list' ? citation.items[citation.items.length - 1]! : citation;
        // The abbreviation binds to the citation just before it: "SOM Protocol art. 6 and art. 12 TUI" names TUI's
        // art. 12 and the Protocol's art. 6; the bare items of a list ("arts. 5 and 6 TUI") all belong to the law.
        const bare = (c: Citation) => 'instrument' in c && c.instrument === instrument;
        const after = trailing && (bare(last) || citation.kind === 'list') ? trailing.exec(body.slice(found.span.end, found.span.end + 60)) : null;
        const end = after ? found.span.end + after[0].length : found.span.end;
        const law = after ? abbreviations.get(after[1]!) : undefined;
        const parts = citation.kind === 'list' && law ? citation.items : [citation];
        const targets = parts.flatMap((c) => targetsOf(c, found.text, law && (c === last || bare(c)) ? law : undefined));
        for (const target of targets) add(target, `${language} ${found.span.start}–${end}: "${body.slice(found.span.start, end).slice(0, 80)}"`);
      }
    }
  };
  for (const section of corpus.sections) {
    read(section.text, lawKey.get(section.legislation)!, (target, locator) => {
      if (target.kind === 'section') return; // a law citing its own sections is structure, not implementation
      links.push({ property: 'implements', from: section.iri, document: section.legislation, to: target.id, toKind: 'provision', basis: 'text', source: corpus.id, locator, derived: true, line: section.line });
    });
  }
  for (const c of corpus.cases) {
    read(c.factSummary, NO_INSTRUMENT, (target, locator) => {
      const to = target.kind === 'provision' ? target.id : target.iri;
      links.push({ property: 'applies', from: c.iri, document: c.iri, to, toKind: target.kind, basis: 'text', source: corpus.id, locator, derived: true, line: c.line });
    });
  }
  return links;
}

/** A citation path as a section key's number path: art. 12 para. 1 → `12/1`. */
function sectionPath(path: readonly PathSegment[]): string {
  return path.map((s) => s.num).join('/');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
