/**
 * `wordingOf`: the wording a graph holds for a provision (after `attachText`), per language: its heading, its own
 * words, and its full text with everything below it. What the `show` command prints with `--text`.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { provisionLabel } from '../citation/format.js';
import { resolveCitation } from '../citation/resolve.js';
import type { CitationContext } from '../citation/types.js';
import { UntocKgError } from '../errors.js';
import type { Dataset, TextRecord } from '../model/dataset.js';
import type { InstrumentId, ProvisionId, ProvisionLevel, SourceId } from '../model/ids.js';
import { fullText, type WordingTree } from './render.js';
import type { Wording } from './types.js';
import { groupBy } from '../util/group.js';

/** The wording of one provision, per language. */
export interface ProvisionWording {
  readonly provision: ProvisionId;
  readonly instrument: InstrumentId;
  readonly level: ProvisionLevel | 'instrument';
  /** In short style with its instrument, e.g. `UNTOC art. 27(1)(e)`. */
  readonly citation: string;
  /** The heading per language: the graph's (English) and those attached from texts. */
  readonly heading: Wording;
  /** Its own words per language (for an instrument: its preamble). */
  readonly text: Wording;
  /** Its words with everything below it, one subdivision a line with its printed marker (`(a)`, `(i)`). */
  readonly fullText: Wording;
  /** The languages it has words in. */
  readonly languages: readonly string[];
  /** The documents its wording was read from. */
  readonly sources: readonly SourceId[];
}

const byDataset = new WeakMap<Dataset, Map<string, TextRecord[]>>();

/** The text records of a dataset by provision (built once per dataset). */
function recordsOf(dataset: Dataset): Map<string, TextRecord[]> {
  let map = byDataset.get(dataset);
  if (!map) byDataset.set(dataset, (map = groupBy(dataset.texts ?? [], (r) => r.provision)));
  return map;
}

/**
 * The wording of a provision: its heading, own words and full text in every language attached to the graph.
 * Without attached text the words are empty and the heading is the graph's.
 *
 * @param kg - a graph, typically one returned by `attachText`.
 * @param provision - a citation (`art. 27(1)(e)`, `SOM Protocol art. 8(6)`), an eId or a provision IRI.
 * @param context - what bare and relative citations mean (default: the Convention).
 * @throws {@link UntocKgError} `unknown_provision` and the other citation errors; `invalid_input` when the citation
 * names more than one provision.
 *
 * @example
 * ```ts
 * const { kg: withText } = attachText(loadGraph(), parseTreatyText(file, { instrument: 'untoc' }))
 * wordingOf(withText, 'art. 27(1)(e)').text.en     // its words in English
 * wordingOf(withText, 'art. 27(1)').fullText.nl    // the chapeau and (a)–(f), in Dutch
 * ```
 */
export function wordingOf(kg: KnowledgeGraphCore, provision: string, context: CitationContext = {}): ProvisionWording {
  const { targets } = resolveCitation(kg, provision, context);
  if (targets.length !== 1) {
    throw new UntocKgError('invalid_input', 'wordingOf', `"${provision}" names ${targets.length} provisions; give one`, { value: provision });
  }
  const target = targets[0]!;
  const records = recordsOf(kg.dataset);
  const instrument = kg.index.instrumentRecord(target.instrument)!;
  const record = target.level === 'instrument' ? undefined : kg.index.provisionRecord(target.id);

  const own = (id: ProvisionId) => {
    const text: Record<string, string> = {};
    const heading: Record<string, string> = {};
    for (const r of records.get(id) ?? []) {
      if (r.text) text[r.language] = r.text;
      if (r.heading) heading[r.language] = r.heading;
    }
    return { text, heading };
  };
  const tree = (id: ProvisionId): WordingTree => {
    const r = kg.index.provisionRecord(id)!;
    return {
      level: r.level === 'chapter' ? 'article' : r.level,
      number: r.number,
      text: own(id).text,
      children: kg.index.childrenOf(id).map(tree),
    };
  };

  const mine = own(target.id);
  // The graph's heading is the English one; texts add the other languages.
  const heading: Record<string, string> = { ...mine.heading, ...(record?.heading && { en: record.heading }), ...(target.level === 'instrument' && { en: instrument.title }) };
  const full: Record<string, string> = {};
  if (target.level === 'instrument' || target.level === 'chapter') {
    Object.assign(full, mine.text);
  } else {
    const rendered = tree(target.id);
    const languages = new Set<string>();
    const collect = (t: WordingTree) => {
      for (const l of Object.keys(t.text)) languages.add(l);
      t.children.forEach(collect);
    };
    collect(rendered);
    for (const l of languages) full[l] = fullText(rendered, l);
  }
  const sources = new Set<SourceId>();
  for (const r of records.get(target.id) ?? []) sources.add(r.source);
  for (const id of target.level === 'instrument' ? [] : kg.index.descendantsOf(target.id)) for (const r of records.get(id) ?? []) sources.add(r.source);
  return {
    provision: target.id,
    instrument: target.instrument,
    level: target.level,
    citation: record ? provisionLabel(record, instrument.abbreviation) : instrument.abbreviation,
    heading,
    text: mine.text,
    fullText: full,
    languages: Object.keys(full),
    sources: [...sources],
  };
}
