/**
 * `discrepanciesAbout`: the claims a source makes that the graph does not assert, because the text or another source
 * contradicts them (the seed's SOM art. 8(5), which the adopted text puts in art. 8(6)), each with the provision the
 * graph asserts instead and why.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { LinkRecord } from '../model/dataset.js';
import type { ProvisionId } from '../model/ids.js';
import { provisionInput } from './inputs.js';
import { ref, type NodeRef } from './steps.js';
import { evidenceOf, provisionView, type Evidence, type ProvisionView } from './views.js';

/** A claim a source makes that the graph does not assert, because another source or the text contradicts it. */
export interface Discrepancy {
  /** `claimed`: the queried provision is the one the disputed claim names; `accepted`: it is the correction. */
  readonly role: 'claimed' | 'accepted';
  /** Who the claim is about (a tool or part). */
  readonly subject: NodeRef;
  /** The provision the disputed claim names (e.g. SOM art. 8(5)). */
  readonly claimed: ProvisionView;
  /** The provision the graph asserts instead (e.g. SOM art. 8(6)). */
  readonly accepted: ProvisionView;
  /** Why the claim is disputed. */
  readonly explanation: string;
  /** The disputed claim's own evidence. */
  readonly evidence: Evidence;
}

/**
 * The disputed claims that name a provision, or whose correction it is.
 *
 * @param provision - a citation (`SOM art. 8(5)`), a provision IRI, or an instrument id.
 * @param options - `context`: what a bare or relative citation means.
 * @throws {@link UntocKgError} for an unknown or malformed citation (`syntax`, `unknown_provision`, …).
 *
 * @example
 * ```ts
 * const [d] = discrepanciesAbout(kg, 'SOM art. 8(5)')
 * d.role                // 'claimed'
 * d.accepted.citation   // 'SOM Protocol art. 8(6)'
 * ```
 */
export function discrepanciesAbout(kg: KnowledgeGraphCore, provision: string, options: { readonly context?: CitationContext } = {}): Discrepancy[] {
  return discrepanciesOf(kg, provisionInput(kg, 'discrepanciesAbout', provision, options.context));
}

/**
 * The disputed claims about a provision already resolved (what {@link discrepanciesAbout} returns): for queries that
 * have the provision's id. Most provisions have none; they get a new empty list.
 *
 * @example
 * ```ts
 * discrepanciesOf(kg, id).map((d) => d.role) // ['claimed']
 * ```
 */
export function discrepanciesOf(kg: KnowledgeGraphCore, id: ProvisionId): Discrepancy[] {
  const disputed = kg.index.disputedTo(id);
  const corrections = kg.index.correctionsTo(id);
  if (disputed.length === 0 && corrections.length === 0) return [];
  const out: Discrepancy[] = [];
  const describe = (link: LinkRecord, correction: ProvisionId, role: Discrepancy['role']): Discrepancy => ({
    role,
    subject: ref(kg, link.from),
    claimed: provisionView(kg, link.to as ProvisionId),
    accepted: provisionView(kg, correction),
    explanation: link.discrepancy ?? '',
    evidence: evidenceOf(kg, link),
  });
  for (const link of disputed) if (link.correction) out.push(describe(link, link.correction as ProvisionId, 'claimed'));
  for (const link of corrections) out.push(describe(link, id, 'accepted'));
  return out;
}
