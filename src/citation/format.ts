/**
 * `formatCitation`: writes a provision back in a canonical form. Every style reads back to the same provision with
 * `parseCitation` (the `eid` style needs the instrument as context, as an eId alone names no instrument).
 *
 * @module
 */
import { shorten, UntocKgError } from '../errors.js';
import { instrumentIri, provisionId, type Eid, type InstrumentId } from '../model/ids.js';
import { knownInstrument, type InstrumentEntry } from '../model/instruments.js';
import { labelOfProvision } from '../model/labels.js';
import { parseCitation } from './parse.js';
import type { ChapterCitation, Citation, CitationStyle, InstrumentCitation, PathSegment, ProvisionCitation } from './types.js';

const OP = 'formatCitation';

/** Anything that names one provision: a parsed citation, a provision IRI, or an `{ instrument, eid }` pair (a provision record). */
export type Citable =
  | ProvisionCitation
  | ChapterCitation
  | InstrumentCitation
  | string
  | { readonly instrument: string; readonly eid: string };

function entryOf(instrument: string): InstrumentEntry {
  const entry = knownInstrument(instrument);
  if (!entry) {
    throw new UntocKgError('unknown_instrument', OP, `no citation names are known for instrument "${shorten(instrument)}"`, { value: instrument });
  }
  return entry;
}

function toCitation(target: Citable): ProvisionCitation | ChapterCitation | InstrumentCitation {
  let parsed: Citation;
  if (typeof target === 'string') parsed = parseCitation(target);
  else if ('kind' in target) parsed = target;
  else parsed = parseCitation(target.eid, { instrument: target.instrument });
  if (parsed.kind === 'range' || parsed.kind === 'list' || parsed.kind === 'unresolved') {
    throw new UntocKgError('invalid_input', OP, `expected one provision, got a ${parsed.kind} citation`, { value: target });
  }
  return parsed;
}

/** UN style: `article 27, paragraph 1 (e)`; `article 2, subparagraph (i)`; a subitem as printed, `(ii) a.`. */
function unPath(path: readonly PathSegment[]): string {
  const article = path[0]!;
  let out = `article ${article.num}`;
  let points = 0;
  for (const seg of path.slice(1)) {
    if (seg.element === 'para') {
      out += `, paragraph ${seg.num}`;
    } else if (path.length > 1 && path[1]!.element !== 'para' && points === 0) {
      out += `, subparagraph (${seg.num})`;
      points++;
    } else {
      points++;
      out += points === 3 ? ` ${seg.num}.` : ` (${seg.num})`;
    }
  }
  return out;
}

/** "of the …" after a UN-style citation: with a comma when the citation goes below the article, as the UN writes it. */
function ofInstrument(body: string, entry: InstrumentEntry, deep: boolean): string {
  return `${body}${deep ? ',' : ''} of the ${entry.citeAs}`;
}

function shortPath(path: readonly { readonly num: string }[]): string {
  return `art. ${path[0]!.num}` + path.slice(1).map((seg) => `(${seg.num})`).join('');
}

/**
 * Writes a provision in a citation style.
 *
 * | style | example |
 * | --- | --- |
 * | `un` | `article 27, paragraph 1 (e)`; `article 8, paragraph 6, of the Smuggling of Migrants Protocol` |
 * | `short` | `art. 27(1)(e)`; `SOM Protocol art. 8(6)` |
 * | `long` | `United Nations Convention against Transnational Organized Crime, article 27, paragraph 1 (e)` |
 * | `eid` | `art_27__para_1__point_e` |
 * | `iri` | `https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27/para_1/point_e` |
 *
 * A Convention provision is written without its instrument in `un` and `short` (a bare citation means the Convention).
 *
 * @param target - a provision IRI, a parsed citation, or `{ instrument, eid }` (e.g. a provision record).
 * @param style - default `short`.
 * @throws {@link UntocKgError} `invalid_input` for a range or list; `unknown_instrument` for an instrument without names.
 *
 * @example
 * ```ts
 * formatCitation(parseCitation('Article 27(1)(e)'), 'un') // 'article 27, paragraph 1 (e)'
 * formatCitation({ instrument: 'som-protocol', eid: 'art_8__para_6' }, 'short') // 'SOM Protocol art. 8(6)'
 * ```
 */
export function formatCitation(target: Citable, style: CitationStyle = 'short'): string {
  const citation = toCitation(target);
  const entry = entryOf(citation.instrument);
  const isConvention = citation.instrument === 'untoc';
  switch (style) {
    case 'eid':
      if (citation.kind === 'instrument') throw new UntocKgError('invalid_input', OP, 'an instrument has no eId; use the iri style', { value: target });
      return citation.eid;
    case 'iri':
      return citation.kind === 'instrument' ? instrumentIri(entry.eli) : provisionId(instrumentIri(entry.eli), citation.eid);
    case 'un': {
      if (citation.kind === 'instrument') return `the ${entry.citeAs}`;
      const body = citation.kind === 'chapter' ? `chapter ${citation.number}` : unPath(citation.path);
      return isConvention ? body : ofInstrument(body, entry, citation.kind !== 'chapter' && citation.path.length > 1);
    }
    case 'short': {
      if (citation.kind === 'instrument') return entry.abbreviation;
      const body = citation.kind === 'chapter' ? `chapter ${citation.number}` : shortPath(citation.path);
      return isConvention ? body : `${entry.abbreviation} ${body}`;
    }
    case 'long': {
      if (citation.kind === 'instrument') return entry.name;
      const body = citation.kind === 'chapter' ? `chapter ${citation.number}` : unPath(citation.path);
      return `${entry.name}, ${body}`;
    }
    default: {
      const never: never = style;
      throw new UntocKgError('invalid_input', OP, `unknown style "${shorten(String(never))}"; expected un, short, long, eid or iri`, {
        value: style,
        suggestions: ['un', 'short', 'long', 'eid', 'iri'],
      });
    }
  }
}

/** The eId and instrument of a single-provision citation, for callers that only need the key. */
export function citationKey(citation: ProvisionCitation | ChapterCitation): { instrument: InstrumentId; eid: Eid } {
  return { instrument: citation.instrument, eid: citation.eid };
}

/**
 * The short label of a provision with its instrument, e.g. `UNTOC art. 27(1)(e)`, `SOM Protocol chapter II`: what
 * the index writes for every provision (`labelOfProvision`, model/labels.ts), the short style of
 * {@link formatCitation} with the instrument's abbreviation. For an instrument the citation module has no names for,
 * its abbreviation and the same short form read off the eId (`Lighthouse Convention art. 3(1)(b)`), which reads back
 * with the instrument as context.
 *
 * @example
 * ```ts
 * provisionLabel({ instrument: 'untoc', eid: 'art_27__para_1__point_e' }, 'UNTOC') // 'UNTOC art. 27(1)(e)'
 * ```
 */
export function provisionLabel(record: { readonly instrument: string; readonly eid: string }, abbreviation: string): string {
  return labelOfProvision(record, abbreviation);
}
