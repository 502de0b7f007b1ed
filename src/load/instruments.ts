/**
 * The provision tree of an instrument file: the instrument record, its articles and everything below them, its
 * chapters, and the links it states (`supplements`, text references), which wait in the pending list.
 *
 * @module
 */
import type { InstrumentRecord, ProvisionRecord } from '../model/dataset.js';
import type { ArticleNode, InstrumentFile, ItemNode, ParagraphNode, SubparagraphNode } from '../model/files.js';
import {
  cleanNum,
  instrumentAsProvision,
  instrumentId,
  instrumentIri,
  mintEid,
  provisionId,
  sourceId,
  type EidSegment,
  type InstrumentId,
  type InstrumentIri,
  type ProvisionId,
  type ProvisionLevel,
} from '../model/ids.js';
import { knownInstrument } from '../model/instruments.js';
import { intToRoman, romanToInt, type NumberStyle } from '../model/numbers.js';
import { pushTo } from '../util/group.js';
import type { Path } from './issues.js';
import { checkSequence, hasShape, STYLE_OF_LEVEL, type SubLevel } from './numbering.js';
import type { BuildState } from './state.js';
import { defined } from '../util/defined.js';

/** The instrument whose tree is being read, and where. */
interface Tree {
  readonly state: BuildState;
  readonly file: string;
  readonly instrument: InstrumentId;
  readonly iri: InstrumentIri;
}

/** The provision fields that come from the file as written. */
interface ProvisionExtra {
  readonly heading?: string;
  readonly group?: string;
  readonly partial?: boolean;
  readonly summary?: string;
}

/** A node below an article, as the file holds it. */
type SubNode = ParagraphNode | SubparagraphNode | ItemNode | { number: string };

/** The key and level of the nodes below a node of `level` (none below a subitem). */
const BELOW: Readonly<Record<SubLevel, { key: string; level: SubLevel } | undefined>> = {
  paragraph: { key: 'subparagraphs', level: 'subparagraph' },
  subparagraph: { key: 'items', level: 'item' },
  item: { key: 'subitems', level: 'subitem' },
  subitem: undefined,
};

/**
 * Adds an instrument: its record, its provision tree (with the numbering checked) and chapters, and its pending
 * links.
 *
 * @example
 * ```ts
 * addInstrument(state, 'data/instruments/untoc.yaml', file)
 * ```
 */
export function addInstrument(state: BuildState, file: string, data: InstrumentFile): void {
  const { issues } = state;
  if (state.instruments.has(data.id)) {
    issues.add('duplicate_id', file, ['id'], `instrument "${data.id}" is defined twice`);
    return;
  }
  const known = knownInstrument(data.id);
  if (known && known.eli !== data.eli) {
    issues.add('iri_mismatch', file, ['eli'], `instrument "${data.id}" has the ELI path ${known.eli} (a public contract); got ${data.eli}`);
    return;
  }
  if (known && known.kind !== data.kind) {
    issues.add('invalid_value', file, ['kind'], `instrument "${data.id}" is a ${known.kind}; got ${data.kind}`);
  }
  const iri = instrumentIri(data.eli);
  const id = instrumentId(data.id);
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
  state.instruments.set(data.id, record);
  for (const [key, group] of [['adopted', data.adopted], ['entryIntoForce', data.entryIntoForce], ['identifiers', data.identifiers]] as const) {
    group?.sources.forEach((s, i) => state.source(file, [key, 'sources', i], s));
  }
  data.structure.sources.forEach((s, i) => state.source(file, ['structure', 'sources', i], s));

  const tree: Tree = { state, file, instrument: id, iri };
  const complete = data.structure.completeness === 'complete';
  const lettered = known?.articleNumbers === 'lettered' || data.kind === 'model-law';
  const articleStyle: NumberStyle = lettered ? 'lettered-article' : 'article';
  checkSequence(
    issues,
    file,
    'article',
    articleStyle,
    data.articles.map((a, i) => ({ number: a.number, path: ['articles', i, 'number'] })),
    complete,
  );
  data.articles.forEach((article, i) => addArticle(tree, article, ['articles', i], articleStyle));
  if (data.chapters) addChapters(tree, data.id, data.chapters, data.articles, complete);

  if (data.supplements) {
    const { instrument, basis, source, locator } = data.supplements;
    state.pending.push({ kind: 'supplements', file, path: ['supplements'], from: iri, instrument, basis, source, locator });
  }
  data.references?.forEach((ref, i) => {
    state.pending.push({
      kind: 'cites',
      file,
      path: ['references', i],
      instrument: id,
      from: ref.from,
      to: ref.to,
      basis: 'text',
      source: ref.source,
      locator: ref.from,
      ...defined({ note: ref.note }),
    });
  });
}

/** Adds one provision record under `parent`; reports a duplicate eId (and returns nothing) instead. */
function addProvision(
  tree: Tree,
  path: Path,
  segments: readonly EidSegment[],
  level: ProvisionLevel,
  number: string,
  parent: ProvisionId,
  extra: ProvisionExtra,
): ProvisionId | undefined {
  const { state } = tree;
  const eid = mintEid(segments);
  const id = provisionId(tree.iri, eid);
  if (state.provisions.has(id)) {
    state.issues.add('duplicate_id', tree.file, path, `${eid} is defined twice`);
    return undefined;
  }
  const record: ProvisionRecord = {
    id,
    instrument: tree.instrument,
    eid,
    level,
    number,
    ...defined({ heading: extra.heading, group: extra.group, summary: extra.summary }),
    parent,
    children: [],
    partial: extra.partial ?? false,
  };
  state.provisions.set(id, record);
  pushTo(state.children, parent, id);
  return id;
}

function addArticle(tree: Tree, article: ArticleNode, path: Path, style: NumberStyle): void {
  if (!hasShape(style, article.number)) return; // reported by checkSequence
  const segments: EidSegment[] = [{ element: 'art', num: cleanNum(article.number) }];
  const id = addProvision(tree, path, segments, 'article', article.number, instrumentAsProvision(tree.iri), {
    heading: article.heading,
    ...defined({ summary: article.summary, group: article.group, partial: article.partial }),
  });
  if (!id) return;
  const complete = !article.partial;
  if (article.paragraphs) addLevel(tree, id, segments, 'para', 'paragraph', article.paragraphs, [...path, 'paragraphs'], complete);
  if (article.subparagraphs) addLevel(tree, id, segments, 'point', 'subparagraph', article.subparagraphs, [...path, 'subparagraphs'], complete);
}

function addLevel(
  tree: Tree,
  parent: ProvisionId,
  parentSegments: readonly EidSegment[],
  element: 'para' | 'point',
  level: SubLevel,
  nodes: readonly SubNode[],
  path: Path,
  complete: boolean,
): void {
  const style = STYLE_OF_LEVEL[level];
  checkSequence(
    tree.state.issues,
    tree.file,
    level,
    style,
    nodes.map((n, i) => ({ number: n.number, path: [...path, i, 'number'] })),
    complete,
  );
  nodes.forEach((node, i) => {
    if (!hasShape(style, node.number)) return;
    const segments = [...parentSegments, { element, num: cleanNum(node.number) }];
    const partial = 'partial' in node ? node.partial : undefined;
    const summary = 'summary' in node ? (node.summary as string | undefined) : undefined;
    const id = addProvision(tree, [...path, i], segments, level, node.number, parent, {
      ...defined({ partial, summary }),
    });
    if (!id) return;
    const below = BELOW[level];
    const kids = below ? (node as Record<string, unknown>)[below.key] : undefined;
    if (below && Array.isArray(kids)) addLevel(tree, id, segments, 'point', below.level, kids as SubNode[], [...path, i, below.key], !partial);
  });
}

function addChapters(
  tree: Tree,
  name: string,
  chapters: NonNullable<InstrumentFile['chapters']>,
  articles: InstrumentFile['articles'],
  complete: boolean,
): void {
  const { state, file, iri } = tree;
  checkSequence(
    state.issues,
    file,
    'chapter',
    'chapter',
    chapters.map((c, i) => ({ number: c.number, path: ['chapters', i, 'number'] })),
    complete,
  );
  const assigned = new Map<string, number>();
  chapters.forEach((chapter, i) => {
    const n = hasShape('chapter', chapter.number) ? romanToInt(chapter.number) : undefined;
    if (n === undefined) return;
    const eid = mintEid([{ element: 'chp', num: String(n) }]);
    const id = provisionId(iri, eid);
    const members: ProvisionId[] = [];
    chapter.articles.forEach((number, j) => {
      const articleId = provisionId(iri, mintEid([{ element: 'art', num: cleanNum(number) }]));
      const record = state.provisions.get(articleId);
      if (!record) {
        state.issues.add('unknown_provision', file, ['chapters', i, 'articles', j], `chapter ${chapter.number} lists article ${number}, which ${name} does not have`);
        return;
      }
      const previous = assigned.get(number);
      if (previous !== undefined) {
        state.issues.add('duplicate_id', file, ['chapters', i, 'articles', j], `article ${number} is already in chapter ${intToRoman(previous) ?? previous}`);
        return;
      }
      assigned.set(number, n);
      members.push(articleId);
      state.provisions.set(articleId, { ...record, chapter: id });
    });
    state.provisions.set(id, {
      id,
      instrument: tree.instrument,
      eid,
      level: 'chapter',
      number: chapter.number,
      heading: chapter.heading,
      parent: instrumentAsProvision(iri),
      children: members,
      partial: chapter.partial ?? false,
    });
    pushTo(state.chapters, tree.instrument, id);
  });
  if (complete) {
    articles.forEach((article, i) => {
      if (!assigned.has(article.number)) {
        state.issues.add('unassigned_article', file, ['articles', i], `article ${article.number} is in no chapter, though ${name} has chapters`);
      }
    });
  }
}
