/**
 * `attachText`: adds the wording of a treaty text to the graph's provisions, as language-tagged text records that
 * every projection and export carries (`ukg:wording`, headings as extra `dcterms:title` language tags). Graphs are
 * immutable: the result is a new graph, and the given one is left as it was. With a structure that does not match,
 * nothing is attached unless asked to attach what matches.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { UntocKgError } from '../errors.js';
import { KnowledgeGraph } from '../kg.js';
import type { Dataset, LinkRecord, SourceRecord, TextRecord } from '../model/dataset.js';
import { hash64, instrumentAsProvision, linkId, provisionId, sourceId, sourceIri, type ProvisionId } from '../model/ids.js';
import { foldKey } from '../util/fold.js';
import { checkText, instrumentOfText, TextMismatchError, type TextCheck } from './check.js';
import { citesInText, type CitesOptions } from './cites.js';
import type { TextProvision, TreatyText } from './parse.js';
import { defined } from '../util/defined.js';

const OP = 'attachText';

/** The document a text was read from: a source the graph has (by key), or a new one. */
export type TextSource = string | { readonly id?: string; readonly title: string; readonly url?: string };

/** Options of {@link attachText}. */
export interface AttachTextOptions {
  /** The instrument the text is (default: the text's, or the one its title names). */
  readonly instrument?: string;
  /**
   * The document the words come from: the key of a source the graph has (e.g. `S1`), a name for a new source
   * (default: the text's `source`, e.g. its file name), or `{ id, title, url }`.
   */
  readonly source?: TextSource;
  /** Attach what matches and report the rest, instead of failing when the structure differs (default `false`). */
  readonly partial?: boolean;
  /**
   * Also add the cross-references the text makes as `eli:cites` links with basis `text` (default `false`); an object
   * chooses the language read and the citation finder.
   */
  readonly cites?: boolean | CitesOptions;
}

/** What {@link attachText} did. */
export interface TextAttachment {
  /** The new graph, with the wording (the given graph is unchanged). */
  readonly kg: KnowledgeGraph;
  /** The comparison of the text with the graph; with `partial`, its errors are what was not attached. */
  readonly check: TextCheck;
  /** The source record the wording and links name. */
  readonly source: SourceRecord;
  /** How many provisions (chapters and the instrument included) received words or a heading, per language. */
  readonly attached: Readonly<Record<string, number>>;
  /** The `eli:cites` links added (empty unless `cites` was asked for). */
  readonly cites: readonly LinkRecord[];
}

/** A new source's key from its name: `untoc.md` → `text-untoc-md`, `Côte.md` → `text-cote-md`. */
function sourceKey(name: string): string {
  const slug = foldKey(name).slice(0, 60).replace(/-+$/, '');
  return slug ? `text-${slug}` : `text-${hash64(name)}`;
}

function resolveSource(dataset: Dataset, given: TextSource | undefined, text: TreatyText, instrument: string): { record: SourceRecord; added: boolean } {
  const existing = (id: string) => dataset.sources.find((s) => s.id === id);
  if (typeof given === 'string' && existing(given)) return { record: existing(given)!, added: false };
  const title = typeof given === 'object' ? given.title : (given ?? text.source ?? `${instrument} text`);
  let id: string;
  try {
    id = sourceId(typeof given === 'object' && given.id !== undefined ? given.id : sourceKey(title));
  } catch {
    throw new UntocKgError('invalid_input', OP, `"${typeof given === 'object' ? given.id : title}" cannot be a source key: use letters, digits and hyphens`, { value: given });
  }
  const same = existing(id);
  if (same) {
    if (same.title === title) return { record: same, added: false };
    throw new UntocKgError('invalid_input', OP, `the graph already has a source "${id}" ("${same.title}"); give this text another key or name`, { value: given, suggestions: [`${id}-2`] });
  }
  const url = typeof given === 'object' ? given.url : undefined;
  const record: SourceRecord = {
    id: id as SourceRecord['id'],
    iri: sourceIri(id as SourceRecord['id']),
    title,
    ...defined({ url }),
    note: `treaty text supplied by the user and attached with attachText (languages: ${text.languages.join(', ')})`,
  };
  return { record, added: true };
}

/**
 * The dataset with the text's wording attached, and what was done: {@link attachText} without building a
 * `KnowledgeGraph`, for callers that only query (the CLI's `show --text` wraps it in `loadCore`).
 *
 * @internal
 * @example
 * ```ts
 * const { dataset } = attachTextToDataset(loadCore(), text, { partial: true })
 * wordingOf(loadCore(dataset), 'art. 27(1)(e)')
 * ```
 */
export function attachTextToDataset(kg: KnowledgeGraphCore, text: TreatyText, options: AttachTextOptions = {}) {
  const instrument = instrumentOfText(kg, text, options, OP);
  const check = checkText(kg, text, { instrument: instrument.id });
  if (!check.ok && !options.partial) {
    const errors = check.findings.filter((f) => f.severity === 'error');
    const head = errors.slice(0, 5).map((f) => `\n  ${f.message} [${f.kind}]`).join('');
    throw new TextMismatchError(
      OP,
      `the text${text.source ? ` ${text.source}` : ''} differs from the graph's ${instrument.abbreviation} in ${errors.length} place${errors.length === 1 ? '' : 's'}; nothing was attached (pass { partial: true } to attach what matches):${head}${errors.length > 5 ? `\n  … and ${errors.length - 5} more` : ''}`,
      check.findings,
      text.source,
    );
  }
  const { record: source, added } = resolveSource(kg.dataset, options.source, text, instrument.id);
  const records: TextRecord[] = [];
  const attached: Record<string, number> = {};
  /** The graph's own headings are English: an English heading read from the text is the same, or a difference the check reports. */
  const add = (provision: ProvisionId, language: string, words: string | undefined, textHeading: string | undefined, graphHeading?: string) => {
    const heading = language === 'en' && graphHeading ? undefined : textHeading;
    if (!words && !heading) return;
    records.push({ provision, instrument: instrument.id, language, ...(words && { text: words }), ...(heading && { heading }), source: source.id });
    attached[language] = (attached[language] ?? 0) + 1;
  };
  for (const language of text.languages) add(instrumentAsProvision(instrument.iri), language, text.preamble[language], text.title[language], instrument.title);
  for (const chapter of text.chapters) {
    const id = provisionId(instrument.iri, chapter.eid);
    const record = kg.index.provisionRecord(id);
    if (!record) continue;
    for (const [language, heading] of Object.entries(chapter.heading)) add(id, language, undefined, heading, record.heading);
  }
  const visit = (p: TextProvision) => {
    const id = provisionId(instrument.iri, p.eid);
    const record = kg.index.provisionRecord(id);
    if (!record) return;
    for (const language of p.languages) add(id, language, p.text[language], p.heading[language], record.heading);
    p.children.forEach(visit);
  };
  text.articles.forEach(visit);

  let cites: LinkRecord[] = [];
  if (options.cites) {
    const known = new Set(kg.dataset.links.map((l) => l.id as string));
    cites = citesInText(kg, text, instrument, options.cites === true ? {} : options.cites)
      .map((c): LinkRecord => ({
        id: linkId('cites', c.from, c.to, source.id),
        property: 'cites',
        from: c.from,
        to: c.to,
        basis: 'text',
        source: source.id,
        locator: c.locator,
        note: `"${c.words}" (${c.language})`,
        status: 'asserted',
        file: instrument.file,
      }))
      .filter((l) => !known.has(l.id));
  }

  // A provision keeps one wording per language: what is attached now replaces what was attached before.
  const replaced = new Set(records.map((r) => `${r.provision}\n${r.language}`));
  const dataset: Dataset = {
    ...kg.dataset,
    sources: added ? [...kg.dataset.sources, source] : kg.dataset.sources,
    links: cites.length ? [...kg.dataset.links, ...cites] : kg.dataset.links,
    texts: [...(kg.dataset.texts ?? []).filter((r) => !replaced.has(`${r.provision}\n${r.language}`)), ...records],
  };
  return { dataset, check, source, attached, cites };
}

/**
 * Attaches the wording of a treaty text to the graph's provisions, in every language the text has, and returns a
 * new graph (the given one is unchanged). A provision's wording is its own words (its chapeau, or its whole text when
 * it has no subdivisions); headings in other languages become extra headings; the title and preamble go to the
 * instrument. The RDF store, the graphology graph and the exports of the new graph carry them (`ukg:wording`,
 * `ukg:preamble`, `dcterms:title` with language tags, `ukg:wordingSource`).
 *
 * @param kg - the graph to start from.
 * @param text - what `parseTreatyText` read.
 * @param options - `instrument`, `source` (the document's source key or name), `partial` (attach what matches),
 * `cites` (also add the references the text makes as `eli:cites` links with basis `text`).
 * @throws {@link TextMismatchError} (code `text_mismatch`, with every finding) when the text's structure or headings
 * differ from the graph's and `partial` is not set; {@link UntocKgError} `unknown_instrument` when the instrument
 * cannot be told.
 *
 * @example
 * ```ts
 * const text = parseTreatyText(readFileSync('untoc.md'), { source: 'untoc.md', instrument: 'untoc' })
 * const { kg: withText } = attachText(loadGraph(), text, { cites: true })
 * wordingOf(withText, 'art. 27(1)(e)').text.nl // the Dutch words of art. 27(1)(e)
 * ```
 */
export function attachText(kg: KnowledgeGraphCore, text: TreatyText, options: AttachTextOptions = {}): TextAttachment {
  const { dataset, ...rest } = attachTextToDataset(kg, text, options);
  return { kg: new KnowledgeGraph(dataset), ...rest };
}
