/**
 * Links waiting to be resolved: data files cite provisions, instruments and themes that may be defined in files read
 * later, so every link is kept as it was written and resolved once all files are in (`links.ts`).
 *
 * @module
 */
import type { Basis } from '../model/files.js';
import type { InstrumentId, InstrumentIri, NodeIri } from '../model/ids.js';
import type { Path } from './issues.js';

/** What every pending link has: where it was written, and its provenance. */
export interface PendingCommon {
  readonly file: string;
  /** The path of the entry (citations are reported below it). */
  readonly path: Path;
  readonly basis: Basis;
  /** The source key (checked once every file is in). */
  readonly source: string;
  readonly locator?: string;
  readonly note?: string;
}

/**
 * One link as written, by kind:
 * - `supplements`: an instrument supplements another (a Protocol, the Convention);
 * - `cites`: a provision's text refers to others (citations read in the citing instrument);
 * - `addresses`: a tool (or a part of it) addresses provisions, possibly a disputed claim with its correction;
 * - `subject`: a tool (or part) is about themes;
 * - `provision-subject`: a provision, named by a citation, is about themes (the themes file).
 */
export type PendingLink =
  | (PendingCommon & { readonly kind: 'supplements'; readonly from: InstrumentIri; readonly instrument: string })
  | (PendingCommon & { readonly kind: 'cites'; readonly instrument: InstrumentId; readonly from: string; readonly to: readonly string[] })
  | (PendingCommon & {
      readonly kind: 'addresses';
      readonly from: NodeIri;
      readonly to: readonly string[];
      readonly status: 'asserted' | 'disputed';
      readonly correction?: string;
      readonly discrepancy?: string;
    })
  | (PendingCommon & { readonly kind: 'subject'; readonly from: NodeIri; readonly themes: readonly string[] })
  | (PendingCommon & { readonly kind: 'provision-subject'; readonly provision: string; readonly themes: readonly string[] });
