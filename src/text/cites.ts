/**
 * The cross-references a treaty text makes ("without prejudice to articles 27 and 28 of the Convention",
 * "paragraph 1 of this article"), found in each provision's own words and resolved against the graph: the facts
 * behind `eli:cites` links with basis `text`.
 *
 * Finding citations in running text is the citation module's {@link findCitations}.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { provisionLabel } from '../citation/format.js';
import { findCitations } from '../citation/find.js';
import { resolveParsed } from '../citation/resolve.js';
import type { CitationContext } from '../citation/types.js';
import type { InstrumentRecord } from '../model/dataset.js';
import { provisionId, type ProvisionId } from '../model/ids.js';
import type { TextProvision, TreatyText } from './parse.js';

/** A reference a provision's words make to another provision. */
export interface TextCite {
  /** The provision whose words make the reference. */
  readonly from: ProvisionId;
  /** The provision referred to. */
  readonly to: ProvisionId;
  /** The language of the words it was read in. */
  readonly language: string;
  /** Where: the citing provision in short style, e.g. `UNTOC art. 7(1)(b)`. */
  readonly locator: string;
  /** The words of the reference, e.g. `articles 18 and 27 of this Convention`. */
  readonly words: string;
}

/** Options of {@link citesInText}. */
export interface CitesOptions {
  /** The language whose words are read (default `en`: the citation parser reads English). */
  readonly language?: string;
}

/**
 * The references each provision's own words make, resolved against the graph. Left out: references to instruments
 * the graph does not hold or provisions it does not have, to the provision itself or what encloses it ("this
 * article", "this Convention"), and readings that rest on an assumption ("the Protocol" with no Protocol named).
 * `attachText(kg, text, { cites: true })` adds them to the graph as `eli:cites` links with basis `text`.
 *
 * @example
 * ```ts
 * citesInText(kg, parseTreatyText(file), kg.index.instrumentRecord('untoc')!)
 * // [{ from: …/untoc/art_2/point_h, to: …/untoc/art_6, locator: 'UNTOC art. 2(h)', language: 'en', words: … }, …]
 * ```
 */
export function citesInText(kg: KnowledgeGraphCore, text: TreatyText, instrument: InstrumentRecord, options: CitesOptions = {}): TextCite[] {
  const language = options.language ?? 'en';
  const out: TextCite[] = [];
  const seen = new Set<string>();
  const visit = (p: TextProvision, path: readonly TextProvision[]) => {
    const here = [...path, p];
    const from = provisionId(instrument.iri, p.eid);
    const words = p.text[language];
    if (words && kg.index.provisionRecord(from)) {
      const context: CitationContext = {
        instrument: instrument.id,
        article: here[0]!.number,
        ...(here[1]?.level === 'paragraph' && { paragraph: here[1].number }),
        ...(here.find((x) => x.level === 'subparagraph') && { subparagraph: here.find((x) => x.level === 'subparagraph')!.number }),
      };
      const enclosing = new Set<string>([instrument.iri, ...here.map((x) => provisionId(instrument.iri, x.eid))]);
      for (const { span, citation } of findCitations(words, context)) {
        if (citation.assumptions.length > 0) continue;
        const quoted = words.slice(span.start, span.end);
        let targets: readonly { id: ProvisionId; level: string }[];
        try {
          targets = resolveParsed('attachText', kg.index, citation, quoted).targets;
        } catch {
          continue;
        }
        for (const target of targets) {
          if (enclosing.has(target.id)) continue;
          const key = `${from}\n${target.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ from, to: target.id, language, locator: provisionLabel({ instrument: instrument.id, eid: p.eid }, instrument.abbreviation), words: quoted });
        }
      }
    }
    for (const child of p.children) visit(child, here);
  };
  for (const article of text.articles) visit(article, []);
  return out;
}
