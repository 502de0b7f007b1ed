/**
 * Second pass: from shape-checked files to the normalized {@link Dataset}, checking what crosses files on the way:
 * every cited provision exists, ids are unique, parents exist, numbering is consistent, sources and themes are
 * known. All problems are collected; if there is any, nothing is returned (nothing is half loaded).
 *
 * @module
 */
import { parseCitation } from '../citation/parse.js';
import { resolveParsed, type ResolvedTarget, type StructureLookup } from '../citation/resolve.js';
import { DataValidationError, isUntocKgError, type DataIssue } from '../errors.js';
import type {
  Dataset,
  InstrumentRecord,
  LinkProperty,
  LinkRecord,
  PartRecord,
  ProvisionRecord,
  SourceRecord,
  ThemeRecord,
  ToolRecord,
} from '../model/dataset.js';
import type {
  ArticleNode,
  Basis,
  DataFile,
  InstrumentFile,
  ItemNode,
  ParagraphNode,
  SourcesFile,
  SubparagraphNode,
  ThemesFile,
  ToolFile,
} from '../model/files.js';
import {
  cleanNum,
  instrumentIri,
  linkId,
  mintEid,
  partId,
  provisionId,
  sourceId,
  sourceIri,
  themeId,
  themeIri,
  toolId,
  toolIri,
  type EidSegment,
  type InstrumentId,
  type InstrumentIri,
  type NodeIri,
  type PartId,
  type ProvisionId,
  type ProvisionLevel,
  type ThemeId,
} from '../model/ids.js';
import { knownInstrument } from '../model/instruments.js';
import { intToRoman, NUMBER_SHAPES as SHAPES, NUMBER_STYLE_NAMES as DESCRIBE, numberOrder, romanToInt, type NumberStyle } from '../model/numbers.js';
import { checkShape, type RawFile } from './shape.js';
import { citationIssue } from './citations.js';
import { DirectoryBuilder } from './directory.js';

type Path = (string | number)[];

/** Collects issues for one build. */
class Issues {
  readonly list: DataIssue[] = [];
  add(code: string, file: string, path: Path, message: string, suggestions?: readonly string[]): void {
    this.list.push(suggestions && suggestions.length > 0 ? { code, file, path, message, suggestions } : { code, file, path, message });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Numbering

const STYLE_OF_LEVEL: Record<Exclude<ProvisionLevel, 'article' | 'chapter'>, NumberStyle> = {
  paragraph: 'arabic',
  subparagraph: 'letter',
  item: 'roman',
  subitem: 'letter',
};

/** The position of a number in its style's sequence, to find gaps: a=1, ii=2, II=2, 5.A=(5,1), 2 bis=(2,1). */
function ordinal(style: NumberStyle, value: string): readonly [number, number] {
  return numberOrder(value, style === 'roman' || style === 'chapter');
}

function show(style: NumberStyle, value: string): string {
  return style === 'letter' || style === 'roman' ? `(${value})` : value;
}

/**
 * Checks a sibling sequence: each number has the right shape, none repeats, and (unless `complete` is false) they run
 * from the first value without a gap. `2 bis` may follow `2`; `5.A` may follow `4` and `5.B` may follow `5.A`.
 */
function checkSequence(
  issues: Issues,
  file: string,
  basePath: Path,
  what: string,
  style: NumberStyle,
  entries: readonly { number: string; path: Path }[],
  complete: boolean,
): void {
  const seen = new Set<string>();
  let previous: readonly [number, number] | undefined;
  let previousNumber = '';
  for (const entry of entries) {
    if (!SHAPES[style].test(entry.number)) {
      issues.add('invalid_number', file, entry.path, `${what} "${entry.number}" is not ${DESCRIBE[style]}`);
      previous = undefined;
      continue;
    }
    if (seen.has(entry.number)) {
      issues.add('duplicate_number', file, entry.path, `${what} ${show(style, entry.number)} appears twice`);
      continue;
    }
    seen.add(entry.number);
    const current = ordinal(style, entry.number);
    if (complete) {
      const expectedFirst = previous === undefined && seen.size === 1;
      if (expectedFirst) {
        const isStart = current[0] === 1 && (current[1] === 0 || current[1] === 1);
        if (!isStart) issues.add('numbering_gap', file, entry.path, `${what}s start at ${show(style, entry.number)}; the first is missing`);
      } else if (previous) {
        const next =
          (current[0] === previous[0] && current[1] === previous[1] + 1) ||
          (current[0] === previous[0] + 1 && (current[1] === 0 || current[1] === 1));
        if (!next) {
          issues.add(
            'numbering_gap',
            file,
            entry.path,
            `${what} ${show(style, entry.number)} follows ${show(style, previousNumber)}; a number is missing or out of order (mark the parent "partial: true" if the data holds only some ${what}s)`,
          );
        }
      }
    }
    previous = current;
    previousNumber = entry.number;
  }
  void basePath;
}

// ---------------------------------------------------------------------------------------------------------------
// The build

/** What {@link buildDataset} can start from: an already built dataset that the new files add to. */
export interface BuildOptions {
  readonly base?: Dataset;
  /**
   * How messages name the `index`-th authority of a directory file (default `entry {index + 1}`); directory imports
   * pass `row {n}` so that a duplicate names the row it repeats.
   */
  readonly entryLabel?: (file: string, index: number) => string;
}

interface Pending {
  readonly file: string;
  readonly path: Path;
  readonly property: LinkProperty;
  readonly from: NodeIri;
  readonly citations?: readonly string[];
  readonly context?: { instrument?: string };
  readonly themes?: readonly string[];
  readonly to?: NodeIri;
  readonly basis: Basis;
  readonly source: string;
  readonly locator?: string;
  readonly note?: string;
  readonly status?: 'asserted' | 'disputed';
  readonly correction?: string;
  readonly discrepancy?: string;
  /** For `cites`: the citing provision, resolved with the other citations. */
  readonly fromCitation?: string;
  /** For provision themes: `citations` names the subjects, `themes` the objects. */
  readonly subjectOfCitation?: boolean;
}

class Builder implements StructureLookup {
  readonly issues = new Issues();
  readonly instruments = new Map<string, InstrumentRecord>();
  readonly provisions = new Map<string, ProvisionRecord>();
  readonly children = new Map<string, ProvisionId[]>();
  readonly chapters = new Map<string, ProvisionId[]>();
  readonly tools = new Map<string, ToolRecord>();
  readonly parts = new Map<string, PartRecord>();
  readonly themes = new Map<string, ThemeRecord>();
  readonly sources = new Map<string, SourceRecord>();
  readonly links = new Map<string, LinkRecord>();
  themeScheme: Dataset['themeScheme'] | undefined;
  /** Wording attached to the base dataset from treaty texts, carried over unchanged. */
  texts: Dataset['texts'];
  readonly pending: Pending[] = [];
  readonly sourceRefs: { file: string; path: Path; id: string }[] = [];
  readonly directory: DirectoryBuilder;

  constructor(entryLabel: (file: string, index: number) => string = (_file, index) => `entry ${index + 1}`) {
    this.directory = new DirectoryBuilder({
      add: (code, file, path, message, suggestions) => this.issues.add(code, file, path, message, suggestions),
      instruments: this.instruments,
      tools: this.tools,
      parts: this.parts,
      addSources: (file, sources) => this.addSources(file, { sources }),
      resolve: (text) => resolveParsed('load', this, parseCitation(text, {}), text).targets,
      source: (file, path, id) => this.source(file, path, id),
      entryLabel,
    });
  }

  // StructureLookup ------------------------------------------------------------------------------------------
  instrumentRecord(id: string): InstrumentRecord | undefined {
    return this.instruments.get(id);
  }
  instrumentIds(): Iterable<string> {
    return this.instruments.keys();
  }
  provisionRecord(id: ProvisionId): ProvisionRecord | undefined {
    return this.provisions.get(id);
  }
  childrenOf(id: ProvisionId): readonly ProvisionId[] {
    return this.children.get(id) ?? [];
  }
  chaptersOf(instrument: InstrumentId): readonly ProvisionId[] {
    return this.chapters.get(instrument) ?? [];
  }

  // base -----------------------------------------------------------------------------------------------------
  addBase(base: Dataset): void {
    for (const r of base.instruments) this.instruments.set(r.id, r);
    for (const r of base.provisions) {
      this.provisions.set(r.id, r);
      this.children.set(r.id, [...r.children]);
      if (r.level === 'chapter') this.push(this.chapters, r.instrument, r.id);
      else if (r.level === 'article') this.push(this.children, r.parent, r.id);
    }
    for (const r of base.tools) this.tools.set(r.id, r);
    for (const r of base.parts) this.parts.set(r.id, r);
    for (const r of base.themes) this.themes.set(r.id, r);
    for (const r of base.sources) this.sources.set(r.id, r);
    for (const r of base.links) this.links.set(r.id, r);
    this.themeScheme = base.themeScheme;
    this.directory.addBase(base);
    this.texts = base.texts;
  }

  private push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  private source(file: string, path: Path, id: string): void {
    this.sourceRefs.push({ file, path, id });
  }

  // sources ----------------------------------------------------------------------------------------------------
  addSources(file: string, data: Pick<SourcesFile, 'sources'>): void {
    data.sources.forEach((entry, i) => {
      if (this.sources.has(entry.id)) {
        this.issues.add('duplicate_id', file, ['sources', i, 'id'], `source "${entry.id}" is defined twice`);
        return;
      }
      const id = sourceId(entry.id);
      this.sources.set(entry.id, { ...entry, id, iri: sourceIri(id) });
    });
  }

  // instruments ------------------------------------------------------------------------------------------------
  addInstrument(file: string, data: InstrumentFile): void {
    if (this.instruments.has(data.id)) {
      this.issues.add('duplicate_id', file, ['id'], `instrument "${data.id}" is defined twice`);
      return;
    }
    const known = knownInstrument(data.id);
    if (known && known.eli !== data.eli) {
      this.issues.add('iri_mismatch', file, ['eli'], `instrument "${data.id}" has the ELI path ${known.eli} (a public contract); got ${data.eli}`);
      return;
    }
    if (known && known.kind !== data.kind) {
      this.issues.add('invalid_value', file, ['kind'], `instrument "${data.id}" is a ${known.kind}; got ${data.kind}`);
    }
    const iri = instrumentIri(data.eli);
    const id = data.id as InstrumentId;
    const record: InstrumentRecord = {
      id,
      iri,
      kind: data.kind,
      title: data.title,
      abbreviation: data.abbreviation,
      ...(data.adopted && { adopted: { ...data.adopted, sources: data.adopted.sources.map((s) => sourceId(s)) } }),
      ...(data.entryIntoForce && { entryIntoForce: { ...data.entryIntoForce, sources: data.entryIntoForce.sources.map((s) => sourceId(s)) } }),
      ...(data.identifiers && { identifiers: { ...data.identifiers, sources: data.identifiers.sources.map((s) => sourceId(s)) } }),
      structure: { ...data.structure, sources: data.structure.sources.map((s) => sourceId(s)) },
      file,
    };
    this.instruments.set(data.id, record);
    for (const [key, group] of [['adopted', data.adopted], ['entryIntoForce', data.entryIntoForce], ['identifiers', data.identifiers]] as const) {
      group?.sources.forEach((s, i) => this.source(file, [key, 'sources', i], s));
    }
    data.structure.sources.forEach((s, i) => this.source(file, ['structure', 'sources', i], s));

    const root = iri as string as ProvisionId;
    const complete = data.structure.completeness === 'complete';
    const lettered = known?.articleNumbers === 'lettered' || data.kind === 'model-law';
    const articleStyle: NumberStyle = lettered ? 'lettered-article' : 'article';
    checkSequence(
      this.issues,
      file,
      ['articles'],
      'article',
      articleStyle,
      data.articles.map((a, i) => ({ number: a.number, path: ['articles', i, 'number'] })),
      complete,
    );
    data.articles.forEach((article, i) => this.addArticle(file, id, iri, root, article, ['articles', i], articleStyle));

    if (data.chapters) this.addChapters(file, id, iri, root, data, complete);
    if (data.supplements) {
      this.pending.push({
        file,
        path: ['supplements'],
        property: 'supplements',
        from: iri,
        citations: [data.supplements.instrument],
        basis: data.supplements.basis,
        source: data.supplements.source,
        locator: data.supplements.locator,
      });
    }
    data.references?.forEach((ref, i) => {
      this.pending.push({
        file,
        path: ['references', i],
        property: 'cites',
        from: root as string as NodeIri,
        fromCitation: ref.from,
        citations: ref.to,
        context: { instrument: id },
        basis: 'text',
        source: ref.source,
        locator: ref.from,
        ...(ref.note !== undefined && { note: ref.note }),
      });
    });
  }

  private addProvision(
    file: string,
    path: Path,
    instrument: InstrumentId,
    iri: InstrumentIri,
    segments: EidSegment[],
    level: ProvisionLevel,
    number: string,
    parent: ProvisionId,
    extra: { heading?: string; group?: string; partial?: boolean; summary?: string },
  ): ProvisionId | undefined {
    const eid = mintEid(segments);
    const id = provisionId(iri, eid);
    if (this.provisions.has(id)) {
      this.issues.add('duplicate_id', file, path, `${eid} is defined twice`);
      return undefined;
    }
    const record: ProvisionRecord = {
      id,
      instrument,
      eid,
      level,
      number,
      ...(extra.heading !== undefined && { heading: extra.heading }),
      ...(extra.group !== undefined && { group: extra.group }),
      ...(extra.summary !== undefined && { summary: extra.summary }),
      parent,
      children: [],
      partial: extra.partial ?? false,
    };
    this.provisions.set(id, record);
    this.push(this.children, parent, id);
    return id;
  }

  private addArticle(
    file: string,
    instrument: InstrumentId,
    iri: InstrumentIri,
    root: ProvisionId,
    article: ArticleNode,
    path: Path,
    style: NumberStyle,
  ): void {
    if (!SHAPES[style].test(article.number)) return; // reported by checkSequence
    const segments: EidSegment[] = [{ element: 'art', num: cleanNum(article.number) }];
    const id = this.addProvision(file, path, instrument, iri, segments, 'article', article.number, root, {
      heading: article.heading,
      ...(article.summary !== undefined && { summary: article.summary }),
      ...(article.group !== undefined && { group: article.group }),
      ...(article.partial !== undefined && { partial: article.partial }),
    });
    if (!id) return;
    const complete = !article.partial;
    if (article.paragraphs) {
      this.addLevel(file, instrument, iri, id, segments, 'para', 'paragraph', article.paragraphs, [...path, 'paragraphs'], complete);
    }
    if (article.subparagraphs) {
      this.addLevel(file, instrument, iri, id, segments, 'point', 'subparagraph', article.subparagraphs, [...path, 'subparagraphs'], complete);
    }
  }

  private addLevel(
    file: string,
    instrument: InstrumentId,
    iri: InstrumentIri,
    parent: ProvisionId,
    parentSegments: EidSegment[],
    element: 'para' | 'point',
    level: Exclude<ProvisionLevel, 'article' | 'chapter'>,
    nodes: readonly (ParagraphNode | SubparagraphNode | ItemNode | { number: string })[],
    path: Path,
    complete: boolean,
  ): void {
    const style = STYLE_OF_LEVEL[level];
    checkSequence(
      this.issues,
      file,
      path,
      level,
      style,
      nodes.map((n, i) => ({ number: n.number, path: [...path, i, 'number'] })),
      complete,
    );
    nodes.forEach((node, i) => {
      if (!SHAPES[style].test(node.number)) return;
      const segments = [...parentSegments, { element, num: cleanNum(node.number) }];
      const partial = 'partial' in node ? node.partial : undefined;
      const summary = 'summary' in node ? (node.summary as string | undefined) : undefined;
      const id = this.addProvision(file, [...path, i], instrument, iri, segments, level, node.number, parent, {
        ...(partial !== undefined && { partial }),
        ...(summary !== undefined && { summary }),
      });
      if (!id) return;
      const below: { key: string; level: Exclude<ProvisionLevel, 'article' | 'chapter'> } | undefined =
        level === 'paragraph' ? { key: 'subparagraphs', level: 'subparagraph' } : level === 'subparagraph' ? { key: 'items', level: 'item' } : level === 'item' ? { key: 'subitems', level: 'subitem' } : undefined;
      const kids = below ? (node as Record<string, unknown>)[below.key] : undefined;
      if (below && Array.isArray(kids)) {
        this.addLevel(file, instrument, iri, id, segments, 'point', below.level, kids as { number: string }[], [...path, i, below.key], !partial);
      }
    });
  }

  private addChapters(file: string, instrument: InstrumentId, iri: InstrumentIri, root: ProvisionId, data: InstrumentFile, complete: boolean): void {
    const chapters = data.chapters!;
    checkSequence(
      this.issues,
      file,
      ['chapters'],
      'chapter',
      'chapter',
      chapters.map((c, i) => ({ number: c.number, path: ['chapters', i, 'number'] })),
      complete,
    );
    const assigned = new Map<string, number>();
    chapters.forEach((chapter, i) => {
      if (!SHAPES.chapter.test(chapter.number)) return;
      const n = romanToInt(chapter.number)!;
      const eid = mintEid([{ element: 'chp', num: String(n) }]);
      const id = provisionId(iri, eid);
      const articles: ProvisionId[] = [];
      chapter.articles.forEach((number, j) => {
        const articleId = provisionId(iri, mintEid([{ element: 'art', num: cleanNum(number) }]));
        const record = this.provisions.get(articleId);
        if (!record) {
          this.issues.add('unknown_provision', file, ['chapters', i, 'articles', j], `chapter ${chapter.number} lists article ${number}, which ${data.id} does not have`);
          return;
        }
        const previous = assigned.get(number);
        if (previous !== undefined) {
          this.issues.add('duplicate_id', file, ['chapters', i, 'articles', j], `article ${number} is already in chapter ${intToRoman(previous) ?? previous}`);
          return;
        }
        assigned.set(number, n);
        articles.push(articleId);
        this.provisions.set(articleId, { ...record, chapter: id });
      });
      this.provisions.set(id, {
        id,
        instrument,
        eid,
        level: 'chapter',
        number: chapter.number,
        heading: chapter.heading,
        parent: root,
        children: articles,
        partial: chapter.partial ?? false,
      });
      this.push(this.chapters, instrument, id);
    });
    if (complete) {
      data.articles.forEach((article, i) => {
        if (!assigned.has(article.number)) {
          this.issues.add('unassigned_article', file, ['articles', i], `article ${article.number} is in no chapter, though ${data.id} has chapters`);
        }
      });
    }
  }

  // themes -----------------------------------------------------------------------------------------------------
  addThemes(file: string, data: ThemesFile): void {
    this.themeScheme = { title: data.title, ...(data.description !== undefined && { description: data.description }) };
    data.themes.forEach((entry, i) => {
      if (this.themes.has(entry.id)) {
        this.issues.add('duplicate_id', file, ['themes', i, 'id'], `theme "${entry.id}" is defined twice`);
        return;
      }
      const id = themeId(entry.id);
      this.themes.set(entry.id, {
        id,
        iri: themeIri(id),
        label: entry.label,
        broader: (entry.broader ?? []).map((b) => b as ThemeId),
        ...(entry.definition !== undefined && { definition: entry.definition }),
        sources: entry.sources.map((s) => sourceId(s)),
      });
      entry.sources.forEach((s, j) => this.source(file, ['themes', i, 'sources', j], s));
    });
    data.themes.forEach((entry, i) => {
      entry.broader?.forEach((b, j) => {
        if (!this.themes.has(b)) this.issues.add('unknown_theme', file, ['themes', i, 'broader', j], `broader theme "${b}" is not defined`);
      });
    });
    // No theme may be broader than itself through a chain.
    for (const theme of this.themes.values()) {
      const seen = new Set<string>();
      const stack = [...theme.broader];
      while (stack.length) {
        const next = stack.pop()!;
        if (next === theme.id) {
          const i = data.themes.findIndex((t) => t.id === theme.id);
          this.issues.add('cycle', file, ['themes', i, 'broader'], `theme "${theme.id}" is broader than itself`);
          break;
        }
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(this.themes.get(next)?.broader ?? []));
      }
    }
    data.provisions?.forEach((entry, i) => {
      for (const citation of entry.provisions) {
        this.pending.push({
          file,
          path: ['provisions', i],
          property: 'subject',
          from: '' as NodeIri,
          citations: [citation],
          themes: entry.themes,
          basis: entry.basis,
          source: entry.source,
          ...(entry.locator !== undefined && { locator: entry.locator }),
          ...(entry.note !== undefined && { note: entry.note }),
          subjectOfCitation: true,
        });
      }
    });
  }

  // tools ------------------------------------------------------------------------------------------------------
  addTool(file: string, data: ToolFile): void {
    if (this.tools.has(data.id)) {
      this.issues.add('duplicate_id', file, ['id'], `tool "${data.id}" is defined twice`);
      return;
    }
    const id = toolId(data.id);
    let sameAs: InstrumentIri | undefined;
    if (data.instrument) {
      const instrument = this.instruments.get(data.instrument);
      if (!instrument) {
        this.issues.add('unknown_instrument', file, ['instrument'], `instrument "${data.instrument}" is not defined`);
        return;
      }
      sameAs = instrument.iri;
    }
    const iri = toolIri(id, sameAs);
    const parts: PartId[] = [];
    data.parts?.forEach((entry, i) => {
      const pid = partId(iri, entry.path);
      if (this.parts.has(pid)) {
        this.issues.add('duplicate_id', file, ['parts', i, 'path'], `part "${entry.path}" is defined twice`);
        return;
      }
      const cut = entry.path.lastIndexOf('/');
      let parent: PartId | undefined;
      if (cut > 0) {
        parent = partId(iri, entry.path.slice(0, cut));
        const parentRecord = this.parts.get(parent);
        if (!parentRecord) {
          this.issues.add('missing_parent', file, ['parts', i, 'path'], `part "${entry.path}" comes before (or without) its parent "${entry.path.slice(0, cut)}"`);
          return;
        }
        (parentRecord.children as PartId[]).push(pid);
      } else {
        parts.push(pid);
      }
      this.parts.set(pid, {
        id: pid,
        tool: id,
        path: entry.path,
        label: entry.label,
        ...(entry.title !== undefined && { title: entry.title }),
        ...(entry.summary !== undefined && { summary: entry.summary }),
        ...(entry.pages !== undefined && { pages: entry.pages }),
        ...(entry.pagesIn !== undefined && { pagesIn: entry.pagesIn.map((p) => ({ source: sourceId(p.source), pages: p.pages })) }),
        ...(entry.paragraphs !== undefined && { paragraphs: entry.paragraphs }),
        ...(entry.completeness !== undefined && { completeness: entry.completeness }),
        ...(parent !== undefined && { parent }),
        children: [],
        sources: entry.sources.map((s) => sourceId(s)),
      });
      entry.sources.forEach((s, j) => this.source(file, ['parts', i, 'sources', j], s));
      entry.pagesIn?.forEach((p, j) => this.source(file, ['parts', i, 'pagesIn', j, 'source'], p.source));
    });
    const record: ToolRecord = {
      id,
      iri,
      kind: data.kind,
      title: data.title,
      ...(data.instrument !== undefined && { instrument: data.instrument as InstrumentId }),
      ...(data.url !== undefined && { url: data.url }),
      ...(data.summary !== undefined && { summary: data.summary }),
      ...(data.publication && { publication: publicationRecord(data.publication) }),
      structure: data.structure,
      parts,
      counts: (data.counts ?? []).map((c) => ({ ...c, source: sourceId(c.source) })),
      sources: data.sources.map((s) => sourceId(s)),
      file,
    };
    this.tools.set(data.id, record);
    data.sources.forEach((s, i) => this.source(file, ['sources', i], s));
    data.publication?.sources.forEach((s, i) => this.source(file, ['publication', 'sources', i], s));
    data.publication?.editions?.forEach((e, i) => this.source(file, ['publication', 'editions', i, 'source'], e.source));
    data.counts?.forEach((c, i) => this.source(file, ['counts', i, 'source'], c.source));

    data.links?.forEach((entry, i) => {
      const path: Path = ['links', i];
      let from: NodeIri = iri;
      if (entry.part !== undefined) {
        const pid = partId(iri, entry.part);
        if (!this.parts.has(pid)) {
          this.issues.add('unknown_part', file, [...path, 'part'], `tool "${data.id}" has no part "${entry.part}"`);
          return;
        }
        from = pid;
      }
      const common = {
        file,
        basis: entry.basis,
        source: entry.source,
        ...(entry.locator !== undefined && { locator: entry.locator }),
        ...(entry.note !== undefined && { note: entry.note }),
      };
      if (entry.addresses) {
        this.pending.push({
          ...common,
          path: [...path, 'addresses'],
          property: 'addresses',
          from,
          citations: entry.addresses,
          status: entry.status,
          ...(entry.correction !== undefined && { correction: entry.correction }),
          ...(entry.discrepancy !== undefined && { discrepancy: entry.discrepancy }),
        });
      }
      if (entry.themes) {
        this.pending.push({ ...common, path: [...path, 'themes'], property: 'subject', from, themes: entry.themes });
      }
    });
  }

  // links ------------------------------------------------------------------------------------------------------
  private resolveCitation(file: string, path: Path, text: string, context?: { instrument?: string }): ResolvedTarget[] {
    try {
      const parsed = parseCitation(text, context ?? {});
      return [...resolveParsed('load', this, parsed, text).targets];
    } catch (error) {
      if (isUntocKgError(error)) {
        const { code, message } = citationIssue(error);
        this.issues.add(code, file, path, message);
        return [];
      }
      throw error;
    }
  }

  private addLink(
    pending: Pending,
    path: Path,
    to: NodeIri,
    extra: { status?: 'asserted' | 'disputed'; correction?: NodeIri; discrepancy?: string },
  ): void {
    const from = pending.from;
    const id = linkId(pending.property, from, to, pending.source);
    if (this.links.has(id)) {
      this.issues.add('duplicate_link', pending.file, path, `the same ${pending.property} link from the same source is stated twice`);
      return;
    }
    this.links.set(id, {
      id,
      property: pending.property,
      from,
      to,
      basis: pending.basis,
      source: sourceId(pending.source),
      ...(pending.locator !== undefined && { locator: pending.locator }),
      ...(pending.note !== undefined && { note: pending.note }),
      status: extra.status ?? 'asserted',
      ...(extra.correction !== undefined && { correction: extra.correction }),
      ...(extra.discrepancy !== undefined && { discrepancy: extra.discrepancy }),
      file: pending.file,
    });
  }

  resolvePending(): void {
    for (const pending of this.pending) {
      const p = pending;
      this.source(p.file, [...p.path, 'source'], p.source);
      if (p.property === 'supplements') {
        const target = this.instruments.get(p.citations![0]!);
        if (!target) {
          this.issues.add('unknown_instrument', p.file, [...p.path, 'instrument'], `instrument "${p.citations![0]}" is not defined`);
          continue;
        }
        this.addLink(p, [...p.path], target.iri, {});
        continue;
      }
      if (p.property === 'cites') {
        const from = this.resolveCitation(p.file, [...p.path, 'from'], p.fromCitation!, p.context);
        if (from.length !== 1) {
          if (from.length > 1) this.issues.add('invalid_citation', p.file, [...p.path, 'from'], `"${p.fromCitation}" must name one provision`);
          continue;
        }
        const withFrom = { ...p, from: from[0]!.id as NodeIri };
        p.citations!.forEach((citation, j) => {
          for (const target of this.resolveCitation(p.file, [...p.path, 'to', j], citation, p.context)) {
            this.addLink(withFrom, [...p.path, 'to', j], target.id, {});
          }
        });
        continue;
      }
      if (p.subjectOfCitation) {
        for (const target of this.resolveCitation(p.file, [...p.path, 'provisions'], p.citations![0]!)) {
          for (const theme of p.themes!) this.linkTheme({ ...p, from: target.id }, [...p.path, 'themes'], theme);
        }
        continue;
      }
      if (p.property === 'subject') {
        p.themes!.forEach((theme, j) => this.linkTheme(p, [...p.path, j], theme));
        continue;
      }
      // addresses
      let correction: NodeIri | undefined;
      if (p.status === 'disputed') {
        const targets = p.correction === undefined ? [] : this.resolveCitation(p.file, [...p.path.slice(0, -1), 'correction'], p.correction);
        if (targets.length !== 1) {
          if (p.correction === undefined) this.issues.add('missing_correction', p.file, [...p.path.slice(0, -1), 'correction'], 'a disputed claim names the accepted provision in "correction"');
          continue;
        }
        correction = targets[0]!.id;
      }
      p.citations!.forEach((citation, j) => {
        for (const target of this.resolveCitation(p.file, [...p.path, j], citation)) {
          this.addLink(p, [...p.path, j], target.id, {
            ...(p.status !== undefined && { status: p.status }),
            ...(correction !== undefined && { correction }),
            ...(p.discrepancy !== undefined && { discrepancy: p.discrepancy }),
          });
        }
      });
    }
  }

  private linkTheme(p: Pending, path: Path, theme: string): void {
    const record = this.themes.get(theme);
    if (!record) {
      this.issues.add('unknown_theme', p.file, path, `theme "${theme}" is not defined`);
      return;
    }
    this.addLink({ ...p, property: 'subject' }, path, record.iri, {});
  }

  checkSources(): void {
    for (const ref of this.sourceRefs) {
      if (!this.sources.has(ref.id)) {
        this.issues.add('unknown_source', ref.file, ref.path, `source "${ref.id}" is not defined (see data/sources.yaml)`);
      }
    }
  }

  finish(): Dataset {
    const provisions = [...this.provisions.values()].map((r) => ({ ...r, children: this.children.get(r.id) ?? r.children }));
    return {
      instruments: [...this.instruments.values()],
      provisions,
      tools: [...this.tools.values()],
      parts: [...this.parts.values()],
      themes: [...this.themes.values()],
      themeScheme: this.themeScheme ?? { title: 'Themes' },
      sources: [...this.sources.values()],
      links: [...this.links.values()],
      ...this.directory.finish(),
      ...(this.texts && { texts: this.texts }),
    };
  }
}

const ORDER: Record<DataFile['type'], number> = { sources: 0, instrument: 1, themes: 2, tool: 3, 'directory-categories': 4, participation: 5, directory: 6 };

/**
 * Validates data files (shape, then integrity across files) and builds the normalized dataset.
 *
 * @param files - the files as read, each with the name it should be reported under.
 * @param options - `base`: a dataset the files add to (e.g. the bundled one), so that user files can cite its provisions.
 * @returns the dataset, when every file is valid.
 * @throws {@link DataValidationError} listing every problem, with file, path and code; nothing is half loaded.
 *
 * @example
 * ```ts
 * const dataset = buildDataset([{ file: 'my-tool.yaml', data: yaml.parse(text) }], { base: bundledDataset() })
 * ```
 */
export function buildDataset(files: readonly RawFile[], options: BuildOptions = {}): Dataset {
  const shaped: { file: string; value: DataFile }[] = [];
  const shapeIssues: DataIssue[] = [];
  for (const raw of files) {
    const result = checkShape(raw);
    if (result.ok) shaped.push({ file: raw.file, value: result.value });
    else shapeIssues.push(...result.issues);
  }
  if (shapeIssues.length > 0) throw new DataValidationError('load', shapeIssues);

  const builder = new Builder(options.entryLabel);
  if (options.base) builder.addBase(options.base);
  shaped.sort((a, b) => ORDER[a.value.type] - ORDER[b.value.type] || a.file.localeCompare(b.file));
  for (const { file, value } of shaped) {
    switch (value.type) {
      case 'sources':
        builder.addSources(file, value);
        break;
      case 'instrument':
        builder.addInstrument(file, value);
        break;
      case 'themes':
        builder.addThemes(file, value);
        break;
      case 'tool':
        builder.addTool(file, value);
        break;
      case 'directory-categories':
        builder.directory.addCategories(file, value);
        break;
      case 'participation':
        builder.directory.addParticipation(file, value);
        break;
      case 'directory':
        builder.directory.addDirectory(file, value);
        break;
    }
  }
  builder.resolvePending();
  builder.checkSources();
  if (builder.issues.list.length > 0) throw new DataValidationError('load', builder.issues.list);
  return builder.finish();
}

/** A tool's publication facts with its source keys (its own and its editions') read as source ids. */
function publicationRecord({ editions, sources, ...facts }: NonNullable<ToolFile['publication']>): NonNullable<ToolRecord['publication']> {
  return {
    ...facts,
    sources: sources.map((s) => sourceId(s)),
    ...(editions && { editions: editions.map((e) => ({ ...e, source: sourceId(e.source) })) }),
  };
}
