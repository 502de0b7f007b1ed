/**
 * Tools and themes: a tool file's record, its parts and the links it states; the theme scheme with its hierarchy
 * (no cycle) and the provisions it files under themes. Links wait in the pending list until every file is in.
 *
 * @module
 */
import type { InstrumentRecord, ToolRecord } from '../model/dataset.js';
import type { ThemesFile, ToolFile } from '../model/files.js';
import { partId, sourceId, themeId, themeIri, toolId, toolIri, type NodeIri, type PartId, type ToolIri } from '../model/ids.js';
import type { Path } from './issues.js';
import type { BuildState } from './state.js';
import { defined } from '../util/defined.js';

/**
 * Adds the theme scheme of a themes file: its themes (each broader theme defined, no cycle), and the provisions it
 * files under them (pending).
 *
 * @example
 * ```ts
 * addThemes(state, 'data/themes.yaml', file)
 * ```
 */
export function addThemes(state: BuildState, file: string, data: ThemesFile): void {
  const { issues, themes } = state;
  state.themeScheme = { title: data.title, ...defined({ description: data.description }) };
  data.themes.forEach((entry, i) => {
    if (themes.has(entry.id)) {
      issues.add('duplicate_id', file, ['themes', i, 'id'], `theme "${entry.id}" is defined twice`);
      return;
    }
    const id = themeId(entry.id);
    themes.set(entry.id, {
      id,
      iri: themeIri(id),
      label: entry.label,
      broader: (entry.broader ?? []).map((b) => themeId(b)),
      ...defined({ definition: entry.definition }),
      sources: entry.sources.map((s) => sourceId(s)),
    });
    entry.sources.forEach((s, j) => state.source(file, ['themes', i, 'sources', j], s));
  });
  data.themes.forEach((entry, i) => {
    entry.broader?.forEach((b, j) => {
      if (!themes.has(b)) issues.add('unknown_theme', file, ['themes', i, 'broader', j], `broader theme "${b}" is not defined`);
    });
  });
  // No theme may be broader than itself through a chain.
  for (const theme of themes.values()) {
    const seen = new Set<string>();
    const stack = [...theme.broader];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (next === theme.id) {
        const i = data.themes.findIndex((t) => t.id === theme.id);
        issues.add('cycle', file, ['themes', i, 'broader'], `theme "${theme.id}" is broader than itself`);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(themes.get(next)?.broader ?? []));
    }
  }
  data.provisions?.forEach((entry, i) => {
    for (const provision of entry.provisions) {
      state.pending.push({
        kind: 'provision-subject',
        file,
        path: ['provisions', i],
        provision,
        themes: entry.themes,
        basis: entry.basis,
        source: entry.source,
        ...defined({ locator: entry.locator, note: entry.note }),
      });
    }
  });
}

/**
 * Adds a tool: its record, its parts (each after its parent), and the links it states (pending).
 *
 * @example
 * ```ts
 * addTool(state, 'data/tools/legislative-guides.yaml', file)
 * ```
 */
export function addTool(state: BuildState, file: string, data: ToolFile): void {
  const { issues } = state;
  if (state.tools.has(data.id)) {
    issues.add('duplicate_id', file, ['id'], `tool "${data.id}" is defined twice`);
    return;
  }
  let instrument: InstrumentRecord | undefined;
  if (data.instrument) {
    instrument = state.instruments.get(data.instrument);
    if (!instrument) {
      issues.add('unknown_instrument', file, ['instrument'], `instrument "${data.instrument}" is not defined`);
      return;
    }
  }
  const id = toolId(data.id);
  const iri = toolIri(id, instrument?.iri);
  const parts = addParts(state, file, iri, data);
  const record: ToolRecord = {
    id,
    iri,
    kind: data.kind,
    title: data.title,
    ...(instrument !== undefined && { instrument: instrument.id }),
    ...defined({ url: data.url, summary: data.summary }),
    ...(data.publication && { publication: publicationRecord(data.publication) }),
    structure: data.structure,
    parts,
    counts: (data.counts ?? []).map((c) => ({ ...c, source: sourceId(c.source) })),
    sources: data.sources.map((s) => sourceId(s)),
    file,
  };
  state.tools.set(data.id, record);
  data.sources.forEach((s, i) => state.source(file, ['sources', i], s));
  data.publication?.sources.forEach((s, i) => state.source(file, ['publication', 'sources', i], s));
  data.publication?.editions?.forEach((e, i) => state.source(file, ['publication', 'editions', i, 'source'], e.source));
  data.counts?.forEach((c, i) => state.source(file, ['counts', i, 'source'], c.source));
  addToolLinks(state, file, iri, data);
}

/** Adds a tool's parts; returns its top-level parts. */
function addParts(state: BuildState, file: string, iri: ToolIri, data: ToolFile): PartId[] {
  const top: PartId[] = [];
  data.parts?.forEach((entry, i) => {
    const pid = partId(iri, entry.path);
    if (state.parts.has(pid)) {
      state.issues.add('duplicate_id', file, ['parts', i, 'path'], `part "${entry.path}" is defined twice`);
      return;
    }
    const cut = entry.path.lastIndexOf('/');
    let parent: PartId | undefined;
    if (cut > 0) {
      parent = partId(iri, entry.path.slice(0, cut));
      const parentRecord = state.parts.get(parent);
      if (!parentRecord) {
        state.issues.add('missing_parent', file, ['parts', i, 'path'], `part "${entry.path}" comes before (or without) its parent "${entry.path.slice(0, cut)}"`);
        return;
      }
      state.parts.set(parent, { ...parentRecord, children: [...parentRecord.children, pid] });
    } else {
      top.push(pid);
    }
    state.parts.set(pid, {
      id: pid,
      tool: toolId(data.id),
      path: entry.path,
      label: entry.label,
      ...defined({ title: entry.title, summary: entry.summary, pages: entry.pages }),
      ...(entry.pagesIn !== undefined && { pagesIn: entry.pagesIn.map((p) => ({ source: sourceId(p.source), pages: p.pages })) }),
      ...defined({ paragraphs: entry.paragraphs, completeness: entry.completeness, parent }),
      children: [],
      sources: entry.sources.map((s) => sourceId(s)),
    });
    entry.sources.forEach((s, j) => state.source(file, ['parts', i, 'sources', j], s));
    entry.pagesIn?.forEach((p, j) => state.source(file, ['parts', i, 'pagesIn', j, 'source'], p.source));
  });
  return top;
}

/** Queues the links a tool states: the provisions it (or a part) addresses, and its themes. */
function addToolLinks(state: BuildState, file: string, iri: ToolIri, data: ToolFile): void {
  data.links?.forEach((entry, i) => {
    const path: Path = ['links', i];
    let from: NodeIri = iri;
    if (entry.part !== undefined) {
      const pid = partId(iri, entry.part);
      if (!state.parts.has(pid)) {
        state.issues.add('unknown_part', file, [...path, 'part'], `tool "${data.id}" has no part "${entry.part}"`);
        return;
      }
      from = pid;
    }
    const common = {
      file,
      from,
      basis: entry.basis,
      source: entry.source,
      ...defined({ locator: entry.locator, note: entry.note }),
    };
    if (entry.addresses) {
      state.pending.push({
        ...common,
        kind: 'addresses',
        path: [...path, 'addresses'],
        to: entry.addresses,
        status: entry.status,
        ...defined({ correction: entry.correction, discrepancy: entry.discrepancy }),
      });
    }
    if (entry.themes) state.pending.push({ ...common, kind: 'subject', path: [...path, 'themes'], themes: entry.themes });
  });
}

/** A tool's publication facts with its source keys (its own and its editions') read as source ids. */
function publicationRecord({ editions, sources, ...facts }: NonNullable<ToolFile['publication']>): NonNullable<ToolRecord['publication']> {
  return {
    ...facts,
    sources: sources.map((s) => sourceId(s)),
    ...(editions && { editions: editions.map((e) => ({ ...e, source: sourceId(e.source) })) }),
  };
}
