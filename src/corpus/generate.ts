/**
 * Synthetic research corpora of any size, for tests and benchmarks (`generateCorpus`): SHERLOC-shaped records (laws
 * with sections, cases with crime types, charges and fact summaries) in the JSON Lines format of `readCorpus`,
 * deterministic for a seed, and plainly synthetic in their content: the `corpus` record says `synthetic: true` with a
 * note, ids start with `SYN-` (`SYN-ITA-0001`, `SYN-ITAx0001`), titles say "(generated test data)", and URLs are at
 * example.org. Nothing in them is a real law or case, and no link in them is a claim about one.
 *
 * The links point at real provisions of the graph (UNTOC and SOM Protocol articles, paragraphs and subparagraphs), with
 * the bases mixed: `curated` with a note, `source` with a locator into the generator's own source record, and `text`,
 * where the section's text or the case's summary names the provision.
 *
 * @module
 */
import { bundledDataset } from '../bundled.js';
import { formatCitation } from '../citation/format.js';
import { UntocKgError } from '../errors.js';
import type { Dataset } from '../model/dataset.js';
import { stateByCode, type StateCodes } from '../model/states.js';
import { seededRandom } from '../util/random.js';
import type { AppliesLink, CaseLine, CorpusHeader, ImplementsLink, LegislationLine, SectionLine, SourceLine } from './records.js';

/** Options of {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** How many national laws (default: from `triples`, else 10). */
  readonly laws?: number;
  /** How many cases (default: from `triples`, else 10). */
  readonly cases?: number;
  /**
   * About how many RDF triples the corpus should make, when `laws` and `cases` are not given: they are derived from
   * it ({@link estimateCorpusTriples} is the inverse), so a benchmark can ask for ~10k, 100k or 1M triples.
   */
  readonly triples?: number;
  /** The seed of the pseudo-random choices (default 1): the same seed gives the same corpus. */
  readonly seed?: number;
  /** The States the documents belong to (ISO 3166-1 codes; default a fixed list of twenty). */
  readonly states?: readonly string[];
  /** The corpus id (default `synthetic-{seed}`). */
  readonly id?: string;
  /** The dataset whose provisions the links name (default: the curated one). */
  readonly dataset?: Dataset;
}

/** The States used when none are given: a fixed list, chosen only to spread documents across regions. */
const DEFAULT_STATES = ['IT', 'DE', 'FR', 'ES', 'GR', 'MT', 'TR', 'NG', 'SN', 'MA', 'TN', 'EG', 'ZA', 'MX', 'US', 'GB', 'TH', 'PH', 'ID', 'AU'];

/**
 * Crime types, as SHERLOC labels them: "Trafficking in persons", "Money laundering" and "Drug offences" are labels
 * seen in its records; the others follow its URL crime types (`migrantsmugglingcrimetype`, …) and the issue's example
 * (`../shared/reference/sources-2.md` §5.3–5.4).
 */
const CRIME_TYPES = ['Smuggling of migrants', 'Trafficking in persons', 'Money laundering', 'Drug offences', 'Participation in an organized criminal group', 'Corruption'];
const LEGAL_SYSTEMS = ['Civil law', 'Common law'];
const VERDICTS = ['Convicted', 'Acquitted', 'Convicted (appeal pending)'];
const INSTRUMENTS = new Set(['untoc', 'som-protocol']);
const LEVELS = new Set(['article', 'paragraph', 'subparagraph']);
const SOURCE = 'synthetic-source';

/** Rough triples per record, for {@link estimateCorpusTriples}: a law, a section, a case, a link (with its link node). */
const TRIPLES = { law: 10, section: 6, case: 14, link: 9 } as const;
/** Averages of the generator's choices: sections per law, links per section, links per case. */
const AVERAGE = { sections: 5.5, sectionLinks: 0.9, caseLinks: 2.5 } as const;

/**
 * About how many RDF triples a generated corpus of this size makes (a rough estimate: the RDF writer decides).
 *
 * @example
 * ```ts
 * estimateCorpusTriples({ laws: 1_000, cases: 1_000 }) // about 110,000
 * ```
 */
export function estimateCorpusTriples(size: { readonly laws: number; readonly cases: number }): number {
  const law = TRIPLES.law + AVERAGE.sections * (TRIPLES.section + AVERAGE.sectionLinks * TRIPLES.link);
  const kase = TRIPLES.case + AVERAGE.caseLinks * TRIPLES.link;
  return Math.round(size.laws * law + size.cases * kase);
}

function count(operation: string, name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 0) throw new UntocKgError('invalid_input', operation, `options.${name} must be a whole number ≥ 0; got ${String(n).slice(0, 80)}`, { value: n });
  return n;
}

/** Checks the options and works out the sizes. */
function plan(options: GenerateCorpusOptions): { laws: number; cases: number; seed: number; states: StateCodes[] } {
  const operation = 'generateCorpus';
  // With a target in triples: as many laws as cases, enough of both to make about that many.
  const fallback = options.triples === undefined ? 10 : Math.max(1, Math.round(count(operation, 'triples', options.triples, 0) / estimateCorpusTriples({ laws: 1, cases: 1 })));
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new UntocKgError('invalid_input', operation, `options.seed must be a whole number; got ${String(seed).slice(0, 80)}`, { value: seed });
  const states = (options.states ?? DEFAULT_STATES).map((code) => {
    const state = stateByCode(code);
    if (!state) throw new UntocKgError('unknown_state', operation, `${JSON.stringify(String(code).slice(0, 80))} is not an ISO 3166-1 alpha-2 or alpha-3 code`, { value: code });
    return state;
  });
  if (states.length === 0) throw new UntocKgError('invalid_input', operation, 'options.states is empty; give at least one State', { value: options.states });
  return { laws: count(operation, 'laws', options.laws, fallback), cases: count(operation, 'cases', options.cases, fallback), seed, states };
}

const line = (record: CorpusHeader | SourceLine | LegislationLine | SectionLine | CaseLine): string => JSON.stringify(record);

/**
 * A synthetic corpus as JSON Lines, one record per line (without line breaks), produced as it is read: a corpus of a
 * million triples is written without being held in memory. Deterministic for a seed.
 *
 * @throws {@link UntocKgError} `invalid_input` for a bad count or seed, `unknown_state` for a bad State code.
 * @example
 * ```ts
 * const text = [...generateCorpus({ laws: 2, cases: 3, seed: 7 })].join('\n')
 * const { corpus } = readCorpusLines(kg, text) // corpus.synthetic === true; corpus.cases.length === 3
 * ```
 */
export function* generateCorpus(options: GenerateCorpusOptions = {}): Generator<string, void, undefined> {
  const { laws, cases, seed, states } = plan(options);
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const between = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  const date = (from: number, to: number): string => `${between(from, to)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
  const dataset = options.dataset ?? bundledDataset();
  const provisions = dataset.provisions.filter((p) => INSTRUMENTS.has(p.instrument) && LEVELS.has(p.level)).map((p) => formatCitation({ instrument: p.instrument, eid: p.eid }, 'short'));
  if (provisions.length === 0) throw new UntocKgError('invalid_input', 'generateCorpus', 'the dataset has no UNTOC or SOM Protocol provisions to link to', { value: 'dataset' });

  /** A link with a mixed basis; `text` links are named in the text the caller writes. */
  const provenance = (k: number): Pick<ImplementsLink, 'basis' | 'source' | 'locator' | 'note'> => {
    const roll = next();
    if (roll < 0.4) return { basis: 'curated', note: 'generated test data: a random link, not a finding' };
    if (roll < 0.8) return { basis: 'source', source: SOURCE, locator: `synthetic table ${k}, row ${between(1, 999)}` };
    return { basis: 'text' };
  };

  yield line({
    type: 'corpus',
    id: options.id ?? `synthetic-${seed < 0 ? `m${-seed}` : seed}`,
    title: `Synthetic research corpus (generated test data, seed ${seed})`,
    synthetic: true,
    note: 'Generated by untoc-kg generateCorpus for tests and benchmarks. Every law, section and case in it is invented, and its links to the treaties are random: none of it is a real record or a claim about one.',
  });
  yield line({ type: 'source', id: SOURCE, title: 'Synthetic source tables (generated test data)', url: 'https://example.org/untoc-kg/synthetic' });

  // Sections of each State's laws, for the cases' charges and links.
  const sectionsOf = new Map<string, string[]>();
  for (let i = 1; i <= laws; i++) {
    const state = pick(states);
    const id = `SYN-${state.alpha3}-${String(i).padStart(4, '0')}`;
    const abbreviation = `SL${i}`;
    yield line({
      type: 'legislation',
      id,
      state: state.alpha2,
      title: `Synthetic law ${i} (generated test data)`,
      officialId: `Synthetic act no. ${i}/${between(1990, 2024)}`,
      date: date(1990, 2024),
      url: `https://example.org/untoc-kg/synthetic/legislation/${i}`,
      languages: ['en'],
      abbreviations: [abbreviation],
      crimeTypes: [pick(CRIME_TYPES)],
    });
    const keys = sectionsOf.get(state.alpha2) ?? [];
    sectionsOf.set(state.alpha2, keys);
    const articles = between(2, 6);
    for (let a = 1; a <= articles; a++) {
      const implementsLinks: ImplementsLink[] = [];
      const named: string[] = [];
      for (let k = between(0, 1) + (next() < 0.3 ? 1 : 0); k > 0; k--) {
        const provision = pick(provisions);
        const link = { provision, ...provenance(i) };
        if (link.basis === 'text') named.push(provision);
        implementsLinks.push(link);
      }
      const text = `Generated test text of article ${a} of synthetic law ${i}.${named.map((p) => ` It gives effect to ${p}.`).join('')}`;
      yield line({
        type: 'section',
        legislation: id,
        number: String(a),
        heading: { en: `Synthetic article ${a} (generated test data)` },
        text: { en: text },
        ...(implementsLinks.length > 0 && { implements: implementsLinks }),
      });
      keys.push(`${id}#${a}`);
      if (next() < 0.3) {
        yield line({ type: 'section', legislation: id, parent: String(a), number: '1', text: { en: `Generated test text of paragraph 1 of article ${a} of synthetic law ${i}.` } });
      }
    }
  }

  for (let i = 1; i <= cases; i++) {
    const state = pick(states);
    const keys = sectionsOf.get(state.alpha2) ?? [];
    const applies: AppliesLink[] = [];
    const named: string[] = [];
    for (let k = between(1, 3); k > 0; k--) {
      const provision = pick(provisions);
      const link = { provision, ...provenance(i) };
      if (link.basis === 'text') named.push(provision);
      applies.push(link);
    }
    const charged = keys.length > 0 ? pick(keys) : undefined;
    if (charged && next() < 0.5) applies.push({ section: charged, basis: 'curated', note: 'generated test data: the section charged' });
    const crimes = [pick(CRIME_TYPES)];
    if (next() < 0.2) crimes.push(pick(CRIME_TYPES.filter((c) => c !== crimes[0])));
    yield line({
      type: 'case',
      id: `SYN-${state.alpha3}x${String(i).padStart(4, '0')}`,
      state: state.alpha2,
      title: `Synthetic case ${i} (generated test data)`,
      court: `Synthetic Court ${between(1, 40)} (generated test data)`,
      decisionDate: date(2000, 2024),
      crimeTypes: crimes,
      legalSystem: pick(LEGAL_SYSTEMS),
      factSummary: { en: `Generated test summary of synthetic case ${i}; no real person or event is described.${named.map((p) => ` The court applied ${p}.`).join('')}` },
      ...(charged && { charges: [{ section: charged, charge: `Synthetic charge under ${charged}`, verdict: pick(VERDICTS) }] }),
      sources: [`https://example.org/untoc-kg/synthetic/case/${i}`],
      crossCuttingIssues: [`Synthetic issue ${between(1, 8)}`],
      url: `https://example.org/untoc-kg/synthetic/case/${i}`,
      applies,
    });
  }
}
