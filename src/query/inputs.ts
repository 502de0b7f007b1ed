/**
 * Turning what a user passes to a query into nodes of the graph: a citation or a provision IRI for a provision, a tool
 * id or part path for a tool, a slug or label for a theme. Invalid input fails with a typed error that names the
 * operation and the value and suggests the nearest valid value. These guards are small and hand-written on purpose:
 * they sit on the CLI's fast path, where loading zod would cost more than answering (docs/design-choices.md).
 *
 * @module
 */
import { parseCitation } from '../citation/parse.js';
import { resolveParsed } from '../citation/resolve.js';
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import { shorten, UntocKgError } from '../errors.js';
import type { PartRecord, ThemeRecord, ToolRecord } from '../model/dataset.js';
import { instrumentAsProvision, isPartPath, partId, toolPathOf, type NodeIri, type ProvisionId } from '../model/ids.js';
import { closest } from '../util/closest.js';
import { nodeLabel } from './views.js';

const NO_CONTEXT: CitationContext = Object.freeze({});

/** Checks that a query input is a non-empty string. */
export function requireText(operation: string, what: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new UntocKgError('invalid_input', operation, `expected ${what} as a string, got ${value === null ? 'null' : typeof value}`, { value });
  }
  const text = value.trim();
  if (text.length === 0) throw new UntocKgError('invalid_input', operation, `${what} is empty`, { value });
  return text;
}

/**
 * One provision (or a whole instrument) from a citation, a provision IRI, an eId or an instrument id.
 *
 * @throws {@link UntocKgError} `syntax`, `unknown_instrument`, `unknown_provision`, or `ambiguous` when the input
 * names several provisions ("arts. 7–9").
 */
export function provisionInput(kg: KnowledgeGraphCore, operation: string, input: unknown, context: CitationContext = NO_CONTEXT): ProvisionId {
  const index = kg.index;
  // A provision IRI as given (what programs pass): one lookup, before trimming or reading a citation.
  const exact = typeof input === 'string' ? index.provisions.get(input) : undefined;
  if (exact) return exact.id;
  const text = requireText(operation, 'a provision', input);
  const instrument = index.instruments.get(text) ?? index.instrumentsByIri.get(text);
  if (instrument) return instrumentAsProvision(instrument.iri);
  const record = index.provisions.get(text);
  if (record) return record.id;
  const resolution = resolveParsed(operation, index, parseCitation(text, context), text);
  if (resolution.targets.length !== 1) {
    const names = resolution.targets.slice(0, 4).map((t) => nodeLabel(kg, t.id));
    throw new UntocKgError(
      'ambiguous',
      operation,
      `"${shorten(text)}" names ${resolution.targets.length} provisions (${names.join(', ')}${resolution.targets.length > 4 ? ', …' : ''}); ask about one`,
      { value: text, suggestions: names },
    );
  }
  return resolution.targets[0]!.id;
}

/** A tool and, optionally, one of its parts. */
export interface ToolSelection {
  readonly tool: ToolRecord;
  readonly part: PartRecord | undefined;
}

/**
 * A tool or a part of one, from a tool id (`legislative-guides`), a part path (`legislative-guides/part_1/chp_5`) or
 * an IRI.
 *
 * @throws {@link UntocKgError} `unknown_tool` or `unknown_part`, with the nearest ids.
 */
export function toolInput(kg: KnowledgeGraphCore, operation: string, input: unknown): ToolSelection {
  const text = requireText(operation, 'a tool id', input);
  const index = kg.index;
  const byIri = index.toolsByIri.get(text);
  if (byIri) return { tool: byIri, part: undefined };
  const partByIri = index.parts.get(text);
  if (partByIri) return { tool: index.tools.get(partByIri.tool)!, part: partByIri };
  const local = toolPathOf(text) ?? text;
  const [toolId, ...rest] = local.split('/');
  const tool = index.tools.get(toolId!);
  if (!tool) {
    const ids = [...index.tools.keys()];
    const near = closest(toolId!, ids, 3, Math.max(2, Math.ceil(toolId!.length / 2)));
    throw new UntocKgError('unknown_tool', operation, `no tool "${shorten(toolId!)}"${near.length ? `; did you mean ${near[0]}?` : ''} (tools: ${ids.join(', ')})`, {
      value: text,
      suggestions: near,
    });
  }
  if (rest.length === 0) return { tool, part: undefined };
  const path = rest.join('/');
  const part = isPartPath(path) ? index.parts.get(partId(tool.iri, path)) : undefined;
  if (!part) {
    const paths = [...index.parts.values()].filter((p) => p.tool === tool.id).map((p) => p.path);
    const near = closest(path, paths, 3, Math.max(2, Math.ceil(path.length / 2)));
    throw new UntocKgError(
      'unknown_part',
      operation,
      `${tool.id} has no part "${shorten(path)}"${near.length ? `; did you mean ${tool.id}/${near[0]}?` : ''}${paths.length ? ` (parts: ${paths.slice(0, 8).join(', ')}${paths.length > 8 ? ', …' : ''})` : ' (it has no parts in this graph)'}`,
      { value: text, suggestions: near.map((p) => `${tool.id}/${p}`) },
    );
  }
  return { tool, part };
}

/**
 * A theme from its slug (`law-enforcement-cooperation`), its IRI or its label (any case).
 *
 * @throws {@link UntocKgError} `unknown_theme` with the nearest slugs.
 */
export function themeInput(kg: KnowledgeGraphCore, operation: string, input: unknown): ThemeRecord {
  const text = requireText(operation, 'a theme', input);
  const index = kg.index;
  const found =
    index.themes.get(text) ??
    index.themesByIri.get(text) ??
    [...index.themes.values()].find((t) => t.label.toLowerCase() === text.toLowerCase() || t.id === text.toLowerCase().replace(/\s+/g, '-'));
  if (found) return found;
  const slug = text.toLowerCase().replace(/\s+/g, '-');
  const near = closest(slug, [...index.themes.keys()], 3, Math.max(2, Math.ceil(slug.length / 2)));
  throw new UntocKgError('unknown_theme', operation, `no theme "${shorten(text)}"${near.length ? `; did you mean ${near[0]}?` : ''}`, {
    value: text,
    suggestions: near.length ? near : [...index.themes.keys()].slice(0, 5),
  });
}

/**
 * Any node: a tool or part, a theme, an instrument id, an IRI, or a citation.
 *
 * @throws {@link UntocKgError} `unknown_node` (or the citation's own error when the input reads as a citation).
 */
export function nodeInput(kg: KnowledgeGraphCore, operation: string, input: unknown): NodeIri {
  const text = requireText(operation, 'a node', input);
  const index = kg.index;
  const direct =
    index.provisions.get(text)?.id ??
    index.instrumentsByIri.get(text)?.iri ??
    index.toolsByIri.get(text)?.iri ??
    index.parts.get(text)?.id ??
    index.themesByIri.get(text)?.iri;
  if (direct) return direct;
  if (index.instruments.has(text)) return index.instruments.get(text)!.iri;
  const toolHead = text.split('/')[0]!;
  if (index.tools.has(toolHead)) {
    const selection = toolInput(kg, operation, text);
    return selection.part?.id ?? selection.tool.iri;
  }
  if (index.themes.has(text) || [...index.themes.values()].some((t) => t.label.toLowerCase() === text.toLowerCase())) {
    return themeInput(kg, operation, text).iri;
  }
  if (text.startsWith('http')) {
    throw new UntocKgError('unknown_node', operation, `no node ${shorten(text)} in this graph`, { value: text });
  }
  try {
    return provisionInput(kg, operation, text);
  } catch (error) {
    if (error instanceof UntocKgError && error.code === 'syntax') {
      const candidates = [...index.tools.keys(), ...index.themes.keys(), ...index.instruments.keys()];
      const near = closest(text, candidates, 3, Math.max(2, Math.ceil(text.length / 2)));
      throw new UntocKgError(
        'unknown_node',
        operation,
        `"${shorten(text)}" is not a tool, part, theme, instrument or citation${near.length ? `; did you mean ${near[0]}?` : ''}`,
        { value: text, suggestions: near },
      );
    }
    throw error;
  }
}
