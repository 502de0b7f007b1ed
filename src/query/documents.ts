/**
 * Queries over loaded research corpora: which national sections and cases implement or apply a provision
 * (`documentsAddressing`), which States' laws cover each provision under one (`coverage`), and which provisions cases
 * apply together (`citedTogether`). They match the way `toolsAddressing` does: `exact`, `broader` (through an
 * enclosing provision), `narrower` (through one inside it), each with its path and evidence.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import { shorten, UntocKgError } from '../errors.js';
import type { CaseRecord, DocumentRecord, SectionRecord } from '../model/corpus.js';
import type { ProvisionId } from '../model/ids.js';
import type { CorpusMatch } from '../lookup/corpus.js';
import { answerOf, EVERY_RESULT, type AnswerFilter } from '../lookup/corpus-answers.js';
import { stateByCode } from '../model/states.js';
import { corpusLookupOf, type CorpusGraph } from './corpus-graph.js';
import { viewsOf, type DocumentView, type SectionView } from './corpus-views.js';
import { provisionInput } from './inputs.js';
import type { MatchKind, PathStep } from './steps.js';
import { provisionView, type Evidence, type ProvisionView } from './views.js';

export type { DocumentView, SectionView } from './corpus-views.js';

/**
 * One answer of {@link documentsAddressing}. Read-only: where the graph's corpus lookup built its answers (within a
 * budget linear in the links), results and their paths are frozen and the same objects on every call.
 */
export interface DocumentMatch {
  readonly document: DocumentView;
  /** The section that implements the provision, or `null` for a case (which applies it as a whole). */
  readonly section: SectionView | null;
  readonly match: MatchKind;
  /** The provision the document actually implements or applies. */
  readonly via: ProvisionView;
  /** From the queried provision to the section or case, step by step. */
  readonly path: readonly PathStep[];
  readonly evidence: readonly Evidence[];
}

/** The answer of {@link documentsAddressing}. */
export interface DocumentsAddressingResult {
  readonly provision: ProvisionView;
  /** Ordered by strength of match (exact, broader nearest first, narrower), then document order. A new array per call. */
  readonly results: readonly DocumentMatch[];
}

/** Options of {@link documentsAddressing}. */
export interface DocumentsAddressingOptions {
  /** `legislation`, `case`, or both (default both). */
  readonly kinds?: readonly ('legislation' | 'case')[];
  /** Only documents of these States (ISO 3166-1 alpha-2 or alpha-3 codes). */
  readonly state?: string | readonly string[];
  /** Only cases with this crime type (case and spacing ignored); laws are kept when they list none or this one. */
  readonly crimeType?: string;
  /** Which match kinds (default exact, broader, narrower). */
  readonly match?: readonly MatchKind[];
  readonly context?: CitationContext;
}

const MATCH_KINDS: ReadonlySet<string> = new Set<MatchKind>(['exact', 'broader', 'narrower', 'related']);
const KINDS = new Set(['legislation', 'case']);

/** Which match kinds a call asks for. */
type Wanted = Omit<AnswerFilter, 'keep'>;

const NONE: readonly CorpusMatch[] = Object.freeze([]);

/** The `match` option, checked (the default needs no work). */
function wantedOf(operation: string, match: readonly MatchKind[] | undefined): Wanted {
  if (match === undefined) return EVERY_RESULT;
  const asked = new Set(match);
  for (const m of asked) if (!MATCH_KINDS.has(m)) throw new UntocKgError('invalid_input', operation, `options.match must list exact, broader, narrower or related; got ${shorten(String(JSON.stringify(m)))}`, { value: m });
  return { exact: asked.has('exact'), broader: asked.has('broader'), narrower: asked.has('narrower') };
}

/**
 * The filter of the `kinds`, `state` and `crimeType` options, checked; `undefined` when they keep every document. It
 * reads a result's document view (a case's crime types from its record, only when `crimeType` is asked).
 */
function filterOf(operation: string, options: DocumentsAddressingOptions, records: ReadonlyMap<string, DocumentRecord>): ((document: DocumentView) => boolean) | undefined {
  if (options.kinds === undefined && options.state === undefined && options.crimeType === undefined) return undefined;
  const kinds = new Set(options.kinds ?? ['legislation', 'case']);
  for (const k of kinds) if (!KINDS.has(k)) throw new UntocKgError('invalid_input', operation, `options.kinds must list legislation or case; got ${shorten(String(JSON.stringify(k)))}`, { value: k, suggestions: ['legislation', 'case'] });
  const states = statesOption(operation, options.state);
  const crime = options.crimeType !== undefined ? fold(options.crimeType) : undefined;
  const applies = (document: DocumentView): boolean => {
    const record = records.get(document.iri);
    return record?.kind === 'case' && record.crimeTypes.some((c) => fold(c) === crime);
  };
  return (document) => {
    if (!kinds.has(document.kind)) return false;
    if (states && !states.has(document.state)) return false;
    if (crime !== undefined && document.kind === 'case' && !applies(document)) return false;
    return true;
  };
}

/** The results of a built answer that the options keep, in one pass (a new array either way). */
function kept(answer: readonly CorpusMatch[], wanted: Wanted, keep: ((document: DocumentView) => boolean) | undefined): DocumentMatch[] {
  // A spread, not `slice`: V8's slice of a frozen array takes its slow path (about 40 times slower at 30 results).
  if (wanted === EVERY_RESULT && keep === undefined) return [...answer];
  const results: DocumentMatch[] = [];
  for (let i = 0; i < answer.length; i++) {
    const result = answer[i]!;
    if (!wanted[result.match]) continue;
    if (keep === undefined || keep(result.document)) results.push(result);
  }
  return results;
}

/** Checks and normalizes the States of an option into alpha-2 codes. */
export function statesOption(operation: string, value: string | readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  const out = new Set<string>();
  for (const code of list) {
    const state = typeof code === 'string' ? stateByCode(code) : undefined;
    if (!state) throw new UntocKgError('unknown_state', operation, `${JSON.stringify(String(code).slice(0, 80))} is not an ISO 3166-1 alpha-2 or alpha-3 code`, { value: code });
    out.add(state.alpha2);
  }
  return out;
}

function fold(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The national sections and cases that implement or apply a provision: exactly, through a provision that encloses it
 * (`broader`), or through one inside it (`narrower`).
 *
 * @param kg - a graph with corpora loaded (`withCorpora`); without any, the answer is empty.
 * @param provision - a citation, a provision IRI or an instrument id.
 * @throws {@link UntocKgError} for a bad citation (`syntax`, `unknown_provision`), an unknown State or bad options.
 * @example
 * ```ts
 * documentsAddressing(kg, 'SOM Protocol art. 6', { state: 'IT' }).results
 * // [{ document: { kind: 'legislation', id: 'it-tui', … }, section: { label: 'TUI art. 12', … }, match: 'broader', … }]
 * ```
 */
export function documentsAddressing(kg: CorpusGraph, provision: string, options: DocumentsAddressingOptions = {}): DocumentsAddressingResult {
  const operation = 'documentsAddressing';
  const id = provisionInput(kg, operation, provision, options.context);
  const wanted = wantedOf(operation, options.match);
  const lookup = corpusLookupOf(kg);
  const keep = filterOf(operation, options, lookup.documents);
  // The answer built with the lookup, copied or filtered in one pass; over the lookup's budget (see
  // src/lookup/corpus-answers.ts), built here by the same function, in the same order, with no sort over them.
  // Everything a result shows but its own object and (for broader and narrower) its path array was built with the
  // lookup.
  const answers = lookup.answers;
  const results = answers !== undefined ? kept(answers.get(id) ?? NONE, wanted, keep) : answerOf(kg.index, lookup, id, keep === undefined ? wanted : { ...wanted, keep });
  return { provision: provisionView(kg, id), results };
}

/** How a State's legislation covers a provision: a section implements it (`exact`) or an enclosing one (`broader`). */
export type CoverageKind = 'exact' | 'broader';

/** One cell of the coverage matrix. */
export interface CoverageCell {
  /** How the State's legislation covers the provision, or `null` when none of it does. */
  readonly legislation: CoverageKind | null;
  /** The sections that implement it (exactly, or the enclosing provision for `broader`). */
  readonly sections: readonly SectionView[];
  /** How many of the State's cases apply the provision or one inside it. */
  readonly cases: number;
}

/** One row of the coverage matrix: a provision and a cell per State. */
export interface CoverageRow {
  readonly provision: ProvisionView;
  /** By ISO 3166-1 alpha-2 code, one per State of the answer. */
  readonly states: Readonly<Record<string, CoverageCell>>;
}

/** The answer of {@link coverage}. */
export interface CoverageResult {
  readonly provision: ProvisionView;
  /** The States of the matrix's columns (alpha-2, sorted). */
  readonly states: readonly string[];
  /** The provision and every provision under it, in document order. */
  readonly rows: readonly CoverageRow[];
}

/**
 * For a provision and each provision under it: which States have legislation that implements it (exactly, or through
 * a broader provision) and how many of their cases apply it. The matrix a comparative study needs.
 *
 * @example
 * ```ts
 * const { rows } = coverage(kg, 'SOM Protocol art. 6', { states: ['IT', 'DE'] })
 * rows[0].states.IT // { legislation: 'exact', sections: [{ label: 'TUI art. 12', … }], cases: 1 }
 * ```
 */
export function coverage(kg: CorpusGraph, provision: string, options: { readonly states?: string | readonly string[]; readonly context?: CitationContext } = {}): CoverageResult {
  const operation = 'coverage';
  const id = provisionInput(kg, operation, provision, options.context);
  const lookup = corpusLookupOf(kg);
  const v = viewsOf(kg);
  const index = kg.index;
  const states = [...(statesOption(operation, options.states) ?? lookup.states)].sort();
  const rowsOf = [id, ...index.descendantsOf(id).filter((d) => index.provisionRecord(d)?.level !== 'chapter')];
  const rows: CoverageRow[] = [];
  for (const p of rowsOf) {
    const exact = sectionsImplementing(kg, p);
    const enclosing = index.ancestorsOf(p).flatMap((a) => sectionsImplementing(kg, a.id));
    const cases = casesApplyingWithin(kg, p);
    const cells: Record<string, CoverageCell> = {};
    for (const state of states) {
      const mine = exact.filter((s) => stateOfSection(kg, s) === state);
      const broader = mine.length === 0 ? enclosing.filter((s) => stateOfSection(kg, s) === state) : [];
      cells[state] = {
        legislation: mine.length > 0 ? 'exact' : broader.length > 0 ? 'broader' : null,
        sections: (mine.length > 0 ? mine : broader).map((s) => v.section(s)),
        cases: cases.filter((c) => c.state === state).length,
      };
    }
    rows.push({ provision: provisionView(kg, p), states: cells });
  }
  return { provision: provisionView(kg, id), states, rows };
}

function sectionsImplementing(kg: CorpusGraph, provision: string): SectionRecord[] {
  const lookup = corpusLookupOf(kg);
  const out: SectionRecord[] = [];
  for (const l of lookup.linksTo(provision)) {
    if (l.property !== 'implements') continue;
    const s = lookup.sections.get(l.from);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function stateOfSection(kg: CorpusGraph, section: SectionRecord): string | undefined {
  return corpusLookupOf(kg).documents.get(section.legislation)?.state;
}

/** The cases that apply a provision or one inside it, each once. */
function casesApplyingWithin(kg: CorpusGraph, provision: string): CaseRecord[] {
  const lookup = corpusLookupOf(kg);
  const seen = new Set<string>();
  const out: CaseRecord[] = [];
  const visit = (node: string) => {
    for (const l of lookup.linksTo(node)) {
      if (l.property !== 'applies' || seen.has(l.from)) continue;
      const c = lookup.documents.get(l.from);
      if (c?.kind === 'case') {
        seen.add(l.from);
        out.push(c);
      }
    }
  };
  visit(provision);
  for (const { via } of lookup.linkedBelow(provision)) visit(via);
  return out;
}

/** One provision that cases apply together with the queried one. */
export interface CitedTogether {
  readonly provision: ProvisionView;
  /** How many cases apply both. */
  readonly cases: number;
}

/**
 * The provisions that cases apply together with a provision (or one inside it), with how many cases apply both, most
 * first.
 *
 * @example
 * ```ts
 * citedTogether(kg, 'SOM Protocol art. 6(1)(a)') // [{ provision: { citation: 'SOM art. 6(3)(a)', … }, cases: 2 }, …]
 * ```
 */
export function citedTogether(kg: CorpusGraph, provision: string, options: { readonly context?: CitationContext } = {}): { readonly provision: ProvisionView; readonly cases: number; readonly together: readonly CitedTogether[] } {
  const id = provisionInput(kg, 'citedTogether', provision, options.context);
  const lookup = corpusLookupOf(kg);
  const within = new Set<string>([id, ...lookup.linkedBelow(id).map((b) => b.via)]);
  const cases = casesApplyingWithin(kg, id);
  const counts = new Map<ProvisionId, number>();
  for (const c of cases) {
    for (const p of lookup.provisionsAppliedBy(c.iri)) if (!within.has(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const together = [...counts]
    .sort((a, b) => b[1] - a[1] || kg.index.orderOf(a[0]) - kg.index.orderOf(b[0]))
    .map(([p, n]) => ({ provision: provisionView(kg, p), cases: n }));
  return { provision: provisionView(kg, id), cases: cases.length, together };
}
