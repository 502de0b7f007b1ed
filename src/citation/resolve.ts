/**
 * Resolving parsed citations against a structure: which provisions of the graph they name, or a typed error with
 * the nearest existing provisions. The structure is given as a small lookup interface, so that the data loader (before
 * any graph exists) and the knowledge graph's index resolve citations the same way. No RDF or graph imports.
 *
 * @module
 */
import { shorten, UntocKgError } from '../errors.js';
import type { InstrumentRecord, ProvisionRecord } from '../model/dataset.js';
import { instrumentAsProvision, provisionId, type Eid, type InstrumentId, type ProvisionId, type ProvisionLevel } from '../model/ids.js';
import { closest } from '../util/closest.js';
import { formatCitation, provisionLabel } from './format.js';
import { parseCitation } from './parse.js';
import { pathToEid } from './path.js';
import { romanToInt } from '../model/numbers.js';
import type { ProvisionWalk } from './walk.js';
import type { ChapterCitation, Citation, CitationContext, PathSegment, ProvisionCitation, RangeCitation, Span } from './types.js';

/** What resolution needs to know about the graph's structure. */
export interface StructureLookup {
  instrumentRecord(id: string): InstrumentRecord | undefined;
  instrumentIds(): Iterable<string>;
  provisionRecord(id: ProvisionId): ProvisionRecord | undefined;
  /** An instrument's articles, or a provision's children, in document order. */
  childrenOf(id: ProvisionId): readonly ProvisionId[];
  /** An instrument's chapters in order. */
  chaptersOf(instrument: InstrumentId): readonly ProvisionId[];
  /**
   * The provision at a path below an instrument IRI, found without building its IRI (see `provisionWalk`), or
   * `undefined`. Optional: without it, or where it finds nothing, resolution looks the provision IRI up with
   * {@link provisionRecord}.
   */
  provisionAt?: ProvisionWalk;
}

/** One provision (or whole instrument) a citation names. */
export interface ResolvedTarget {
  /** The provision IRI, or the instrument IRI for a citation of a whole instrument. */
  readonly id: ProvisionId;
  readonly instrument: InstrumentId;
  readonly level: ProvisionLevel | 'instrument';
  /** Absent for a whole instrument. */
  readonly eid?: Eid;
}

/** A citation and the provisions it names, in the order cited (ranges expanded, duplicates dropped). */
export interface Resolution {
  readonly citation: Citation;
  readonly targets: readonly ResolvedTarget[];
  /** Readings the parser had to assume (e.g. that "the Protocol" is the SOM Protocol). */
  readonly assumptions: readonly string[];
}

function target(record: ProvisionRecord): ResolvedTarget {
  return { id: record.id, instrument: record.instrument, level: record.level, eid: record.eid };
}

/**
 * The existing numbers nearest to a missing one: a typo first (`72` for `27`), then the nearest in sequence
 * (`(f)` for `(g)`, `41` for `99`).
 */
function nearest(missing: string, numbers: readonly string[]): string[] {
  // Typos only make sense for arabic numbers; a swap of two digits (72 for 27) ranks first.
  const sorted = (n: string) => [...n].sort().join('');
  const typos = /^\d{2,}$/.test(missing)
    ? closest(missing, numbers, 3, 1).sort((a, b) => Number(sorted(b) === sorted(missing)) - Number(sorted(a) === sorted(missing))).slice(0, 2)
    : [];
  const position = (n: string) => (/^\d+/.test(n) ? Number(/^\d+/.exec(n)![0]) : /^[a-z]$/.test(n) ? n.charCodeAt(0) - 96 : romanToInt(n) ?? Number.NaN);
  const target = position(missing.toLowerCase());
  const bySequence = Number.isFinite(target)
    ? [...numbers].sort((a, b) => Math.abs(position(a) - target) - Math.abs(position(b) - target)).slice(0, 2)
    : [];
  return [...new Set([...typos, ...bySequence])].slice(0, 3);
}

/** "subparagraphs (a)–(f)", "paragraphs 1–3", "articles 1–41": the children of a provision, for messages. */
export function describeChildren(lookup: StructureLookup, id: ProvisionId): string | undefined {
  const children = lookup.childrenOf(id).map((c) => lookup.provisionRecord(c)).filter((c): c is ProvisionRecord => !!c);
  if (children.length === 0) return undefined;
  const level = children[0]!.level;
  const plural = level === 'subitem' ? 'subitems' : `${level === 'subparagraph' ? 'subparagraphs' : level + 's'}`;
  const show = (r: ProvisionRecord) => (r.level === 'article' || r.level === 'paragraph' ? r.number : `(${r.number})`);
  const first = children[0]!;
  const last = children[children.length - 1]!;
  return children.length === 1 ? `${plural.slice(0, -1)} ${show(first)} only` : `${plural} ${show(first)}–${show(last)}`;
}

/** "UNTOC art. 27(1)": a provision in short style, always with its instrument (messages need it). */
export function labelOf(instrument: InstrumentRecord, id: ProvisionId, lookup: StructureLookup): string {
  const record = lookup.provisionRecord(id);
  return record ? provisionLabel(record, instrument.abbreviation) : instrument.abbreviation;
}

function unknownInstrument(operation: string, name: string, lookup: StructureLookup, text: string): never {
  const ids = [...lookup.instrumentIds()];
  throw new UntocKgError(
    'unknown_instrument',
    operation,
    `"${shorten(text)}" names ${shorten(name)}, which this graph does not hold; it holds ${ids.join(', ')}`,
    { value: text, suggestions: closest(name, ids) },
  );
}

/** Resolves one provision or chapter citation; throws `unknown_provision` with the nearest existing provisions. */
function resolveOne(
  operation: string,
  lookup: StructureLookup,
  citation: ProvisionCitation | ChapterCitation,
  text: string,
): ProvisionRecord {
  const instrument = lookup.instrumentRecord(citation.instrument);
  if (!instrument) unknownInstrument(operation, `instrument "${citation.instrument}"`, lookup, text);
  const found =
    (citation.kind !== 'chapter' ? lookup.provisionAt?.(instrument.iri, citation.path) : undefined) ??
    lookup.provisionRecord(provisionId(instrument.iri, citation.eid));
  if (found) return found;

  if (citation.kind === 'chapter') {
    const chapters = lookup.chaptersOf(instrument.id).map((c) => lookup.provisionRecord(c)!);
    const numbers = chapters.map((c) => c.number);
    const target = romanToInt(citation.number) ?? 0;
    const has = numbers.length ? `has chapters ${numbers[0]}–${numbers[numbers.length - 1]}` : 'has no chapters in this graph';
    throw new UntocKgError('unknown_provision', operation, `${instrument.abbreviation} ${has}; "${shorten(text)}" names chapter ${citation.number}`, {
      value: text,
      suggestions: [...numbers]
        .sort((a, b) => Math.abs((romanToInt(a) ?? 0) - target) - Math.abs((romanToInt(b) ?? 0) - target))
        .slice(0, 2)
        .map((n) => `${instrument.abbreviation} chapter ${n}`),
    });
  }

  // Walk up to the deepest provision that exists, and say what it holds.
  const path = citation.path;
  let depth = path.length - 1;
  let parent: ProvisionId = instrumentAsProvision(instrument.iri);
  for (; depth > 0; depth--) {
    const candidate = provisionId(instrument.iri, pathToEid(path.slice(0, depth)));
    if (lookup.provisionRecord(candidate)) {
      parent = candidate;
      break;
    }
  }
  const missing: PathSegment = path[depth]!;
  const siblings = lookup.childrenOf(parent).map((c) => lookup.provisionRecord(c)!).filter(Boolean);
  const holds = describeChildren(lookup, parent);
  const where = labelOf(instrument, parent, lookup);
  const partial = instrument.structure.completeness !== 'complete' ? ` (this graph holds only part of ${instrument.abbreviation})` : '';
  const suggestions = nearest(missing.num, siblings.map((s) => s.number)).map((n) => {
    const sibling = siblings.find((s) => s.number === n)!;
    return formatCitation({ instrument: sibling.instrument, eid: sibling.eid }, 'short');
  });
  const hint = suggestions.length ? `; did you mean ${suggestions[0]}?` : '';
  const level = missing.element === 'art' ? 'article' : missing.element === 'para' ? 'paragraph' : (siblings[0]?.level ?? 'subdivision');
  const shown = shorten(missing.element === 'point' ? `(${missing.num})` : missing.num, 20);
  const message = holds
    ? `${where} has ${holds}${partial}; "${shorten(text)}" names ${level} ${shown}${hint}`
    : `${where} has no subdivisions${partial}; "${shorten(text)}" names one below it`;
  throw new UntocKgError('unknown_provision', operation, message, { value: text, suggestions });
}

function expandRange(
  operation: string,
  lookup: StructureLookup,
  from: ProvisionRecord,
  to: ProvisionRecord,
  text: string,
  span: Span,
): ProvisionRecord[] {
  if (from.parent !== to.parent || from.level !== to.level) {
    throw new UntocKgError('syntax', operation, `a range must run between provisions of the same level and parent in "${shorten(text)}"`, {
      value: text,
      offset: span.start,
      expected: 'a range such as "arts. 7–9" or "para. 1(a)–(f)"',
    });
  }
  const siblings = from.level === 'chapter' ? lookup.chaptersOf(from.instrument) : lookup.childrenOf(from.parent);
  const a = siblings.indexOf(from.id);
  const b = siblings.indexOf(to.id);
  if (a > b) {
    throw new UntocKgError('syntax', operation, `the range runs backwards in "${shorten(text)}"`, {
      value: text,
      offset: span.start,
      expected: 'the lower number first',
    });
  }
  // A provision missing from its parent's children (inconsistent data) keeps the slice's reading of -1.
  if (a < 0) return siblings.slice(a, b + 1).map((id) => lookup.provisionRecord(id)!);
  const out: ProvisionRecord[] = [];
  for (let i = a; i <= b; i++) out.push(i === a ? from : i === b ? to : lookup.provisionRecord(siblings[i]!)!);
  return out;
}

/** The targets of a range, from its first end to its last. */
function rangeTargets(operation: string, lookup: StructureLookup, range: RangeCitation, text: string): ResolvedTarget[] {
  const from = resolveOne(operation, lookup, range.from, text);
  const to = resolveOne(operation, lookup, range.to, text);
  const records = expandRange(operation, lookup, from, to, text, range.span);
  const out: ResolvedTarget[] = [];
  for (let i = 0; i < records.length; i++) out.push(target(records[i]!));
  return out;
}

/**
 * Resolves a parsed citation against a structure.
 *
 * @throws {@link UntocKgError} `unknown_instrument`, `unknown_provision` (with suggestions), `ambiguous` (a relative
 * reference without context), or `syntax` (a range that runs backwards or across levels).
 */
export function resolveParsed(operation: string, lookup: StructureLookup, citation: Citation, text: string): Resolution {
  // One provision (most citations): no list of targets to merge.
  if (citation.kind !== 'instrument' && citation.kind !== 'range' && citation.kind !== 'list' && citation.kind !== 'unresolved') {
    return { citation, targets: [target(resolveOne(operation, lookup, citation, text))], assumptions: citation.assumptions };
  }
  // One range: its provisions are distinct siblings, in order, with nothing to merge.
  if (citation.kind === 'range') return { citation, targets: rangeTargets(operation, lookup, citation, text), assumptions: citation.assumptions };
  const out: ResolvedTarget[] = [];
  // Most citations name one provision: the set of those seen is only built for a second one.
  let seen: Set<string> | undefined;
  const push = (t: ResolvedTarget) => {
    if (out.length === 0) {
      out.push(t);
      return;
    }
    seen ??= new Set([out[0]!.id]);
    if (!seen.has(t.id)) {
      seen.add(t.id);
      out.push(t);
    }
  };
  const visit = (c: Citation): void => {
    switch (c.kind) {
      case 'instrument': {
        const instrument = lookup.instrumentRecord(c.instrument);
        if (!instrument) unknownInstrument(operation, `instrument "${c.instrument}"`, lookup, text);
        push({ id: instrumentAsProvision(instrument.iri), instrument: instrument.id, level: 'instrument' });
        return;
      }
      case 'range':
        for (const t of rangeTargets(operation, lookup, c, text)) push(t);
        return;
      case 'list':
        for (const item of c.items) visit(item);
        return;
      case 'unresolved':
        if (c.reason === 'other_instrument') unknownInstrument(operation, c.instrumentName ?? 'another instrument', lookup, text);
        throw new UntocKgError(
          'ambiguous',
          operation,
          `"${shorten(text)}" is a relative reference; give the article (and paragraph) it is read in, e.g. { article: '27' }`,
          { value: text },
        );
      default:
        push(target(resolveOne(operation, lookup, c, text)));
    }
  };
  visit(citation);
  return { citation, targets: out, assumptions: citation.assumptions };
}

/**
 * Resolves a citation against a knowledge graph: the provisions it names, or a typed error.
 *
 * @param kg - the graph (anything with an `index`, e.g. a {@link KnowledgeGraph}).
 * @param text - a citation, e.g. `art. 27 para. 1(a)–(f)`, `SOM Protocol art. 8(6)`, an eId or a provision IRI.
 * @param context - what bare and relative references mean.
 * @throws {@link UntocKgError} `syntax` (with `offset` and `expected`), `unknown_instrument`, `unknown_provision`
 * (with the nearest existing provisions in `suggestions`), or `ambiguous` (a relative reference without context).
 *
 * @example
 * ```ts
 * resolveCitation(kg, 'art. 27 para. 1(a)–(f)').targets.length // 6
 * resolveCitation(kg, 'art. 27(1)(g)') // throws unknown_provision: "UNTOC art. 27(1) has subparagraphs (a)–(f) …"
 * ```
 */
export function resolveCitation(kg: { readonly index: StructureLookup }, text: string, context?: CitationContext): Resolution {
  return resolveParsed('resolveCitation', kg.index, parseCitation(text, context), text);
}
