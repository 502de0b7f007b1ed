/**
 * Link resolution: once every file is in, each pending link's citations and themes are resolved against the whole
 * dataset, and each link becomes a {@link LinkRecord} (or an issue at the citation that fails).
 *
 * @module
 */
import { parseCitation } from '../citation/parse.js';
import { resolveParsed, type ResolvedTarget } from '../citation/resolve.js';
import { isUntocKgError } from '../errors.js';
import type { LinkProperty, LinkRecord } from '../model/dataset.js';
import { linkId, sourceId, type NodeIri } from '../model/ids.js';
import { citationIssue } from './citations.js';
import type { Path } from './issues.js';
import type { PendingCommon, PendingLink } from './pending.js';
import type { BuildState } from './state.js';
import { defined } from '../util/defined.js';

/** What a link record adds to its pending link's provenance. */
interface LinkEnds {
  readonly property: LinkProperty;
  readonly from: NodeIri;
  readonly to: NodeIri;
  readonly status?: LinkRecord['status'];
  readonly correction?: NodeIri;
  readonly discrepancy?: string;
}

/**
 * Resolves every pending link of the build into link records, adding an issue for each citation, instrument or theme
 * that does not resolve and each link stated twice.
 *
 * @example
 * ```ts
 * resolvePending(state) // after every file is added
 * ```
 */
export function resolvePending(state: BuildState): void {
  for (const p of state.pending) {
    state.source(p.file, [...p.path, 'source'], p.source);
    resolveOne(state, p);
  }
}

function resolveOne(state: BuildState, p: PendingLink): void {
  switch (p.kind) {
    case 'supplements': {
      const target = state.instruments.get(p.instrument);
      if (!target) state.issues.add('unknown_instrument', p.file, [...p.path, 'instrument'], `instrument "${p.instrument}" is not defined`);
      else addLink(state, p, p.path, { property: 'supplements', from: p.from, to: target.iri });
      return;
    }
    case 'cites': {
      const context = { instrument: p.instrument };
      const targets = resolveCitation(state, p.file, [...p.path, 'from'], p.from, context);
      const [from] = targets;
      if (targets.length !== 1 || !from) {
        if (targets.length > 1) state.issues.add('invalid_citation', p.file, [...p.path, 'from'], `"${p.from}" must name one provision`);
        return;
      }
      p.to.forEach((citation, j) => {
        const path = [...p.path, 'to', j];
        for (const target of resolveCitation(state, p.file, path, citation, context)) {
          addLink(state, p, path, { property: 'cites', from: from.id, to: target.id });
        }
      });
      return;
    }
    case 'provision-subject':
      for (const target of resolveCitation(state, p.file, [...p.path, 'provisions'], p.provision)) {
        for (const theme of p.themes) linkTheme(state, p, target.id, [...p.path, 'themes'], theme);
      }
      return;
    case 'subject':
      p.themes.forEach((theme, j) => linkTheme(state, p, p.from, [...p.path, j], theme));
      return;
    case 'addresses':
      resolveAddresses(state, p);
      return;
    default: {
      const unknown: never = p;
      throw new Error(`resolvePending: unknown link kind ${JSON.stringify(unknown)}`);
    }
  }
}

/** An `addresses` link: each citation, and for a disputed claim the accepted provision it names in `correction`. */
function resolveAddresses(state: BuildState, p: Extract<PendingLink, { kind: 'addresses' }>): void {
  let correction: NodeIri | undefined;
  if (p.status === 'disputed') {
    const at = [...p.path.slice(0, -1), 'correction'];
    const targets = p.correction === undefined ? [] : resolveCitation(state, p.file, at, p.correction);
    const [accepted] = targets;
    if (targets.length !== 1 || !accepted) {
      if (p.correction === undefined) state.issues.add('missing_correction', p.file, at, 'a disputed claim names the accepted provision in "correction"');
      return;
    }
    correction = accepted.id;
  }
  p.to.forEach((citation, j) => {
    const path = [...p.path, j];
    for (const target of resolveCitation(state, p.file, path, citation)) {
      addLink(state, p, path, {
        property: 'addresses',
        from: p.from,
        to: target.id,
        status: p.status,
        ...defined({ correction, discrepancy: p.discrepancy }),
      });
    }
  });
}

/** Parses and resolves a citation; a citation that fails is an issue at `path`, and resolves to nothing. */
function resolveCitation(state: BuildState, file: string, path: Path, text: string, context: { instrument?: string } = {}): ResolvedTarget[] {
  try {
    return [...resolveParsed('load', state, parseCitation(text, context), text).targets];
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    const { code, message } = citationIssue(error);
    state.issues.add(code, file, path, message);
    return [];
  }
}

function linkTheme(state: BuildState, p: PendingCommon, from: NodeIri, path: Path, theme: string): void {
  const record = state.themes.get(theme);
  if (!record) {
    state.issues.add('unknown_theme', p.file, path, `theme "${theme}" is not defined`);
    return;
  }
  addLink(state, p, path, { property: 'subject', from, to: record.iri });
}

function addLink(state: BuildState, p: PendingCommon, path: Path, ends: LinkEnds): void {
  const id = linkId(ends.property, ends.from, ends.to, p.source);
  if (state.links.has(id)) {
    state.issues.add('duplicate_link', p.file, path, `the same ${ends.property} link from the same source is stated twice`);
    return;
  }
  state.links.set(id, {
    id,
    property: ends.property,
    from: ends.from,
    to: ends.to,
    basis: p.basis,
    source: sourceId(p.source),
    ...defined({ locator: p.locator, note: p.note }),
    status: ends.status ?? 'asserted',
    ...defined({ correction: ends.correction, discrepancy: ends.discrepancy }),
    file: p.file,
  });
}
