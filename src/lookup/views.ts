/**
 * The view of every provision and instrument (`ProvisionView`: citation, level, heading, summary), written once, the
 * first time the lookup index is asked for it (a provision's after its parent's): the label of a provision below an
 * article is its parent's and its own number, its heading its article's. Queries return these objects as they are
 * (shared and frozen).
 *
 * @module
 */
import type { InstrumentRecord, ProvisionRecord } from '../model/dataset.js';
import { instrumentAsProvision, type InstrumentId, type ProvisionId, type ProvisionLevel } from '../model/ids.js';
import { labelBelow, labelOfProvision } from '../model/labels.js';

/** A provision (or a whole instrument) as queries show it. */
export interface ProvisionView {
  readonly iri: ProvisionId;
  /** `UNTOC art. 27(1)(e)`; for an instrument, its abbreviation. */
  readonly citation: string;
  readonly instrument: InstrumentId;
  readonly level: ProvisionLevel | 'instrument';
  /** The provision's heading, or for a paragraph and below the heading of its article; for an instrument, its title. */
  readonly heading: string | null;
  /** The project's one-line summary of the provision, if it has one. */
  readonly summary: string | null;
}

/** The views written so far, and the lookup that writes a provision's (and its parents') on first use. */
export interface ProvisionViews {
  /** The views written so far, by IRI: every instrument's, and every provision's that `viewOf` was asked for. */
  readonly written: ReadonlyMap<string, ProvisionView>;
  /** The view of a provision or an instrument, written the first time it is asked for, then kept. */
  viewOf(id: string): ProvisionView | undefined;
}

/**
 * The views of `instruments` and `provisions` by IRI (frozen): an instrument's written now, a provision's the first
 * time it (or a provision below it) is asked for, then kept. `provisions` maps every provision's IRI to its record;
 * `instrumentsById` every instrument's id to its record.
 *
 * @example
 * ```ts
 * provisionViews(dataset.instruments, instrumentsById, provisions).viewOf(id) // { citation: 'UNTOC art. 27(1)(e)', … }
 * ```
 */
export function provisionViews(
  instruments: readonly InstrumentRecord[],
  instrumentsById: ReadonlyMap<string, InstrumentRecord>,
  provisions: ReadonlyMap<string, ProvisionRecord>,
): ProvisionViews {
  const views = new Map<string, ProvisionView>();
  for (const r of instruments) {
    views.set(r.iri, Object.freeze({ iri: instrumentAsProvision(r.iri), citation: r.abbreviation, instrument: r.id, level: 'instrument', heading: r.title, summary: null }));
  }
  const viewOf = (r: ProvisionRecord): ProvisionView => {
    let view = views.get(r.id);
    if (view === undefined) {
      const parent = provisions.get(r.parent);
      const above = parent && viewOf(parent);
      // Below an article, the parent's label and this provision's number: `UNTOC art. 27(1)` + `(e)`.
      const below = parent && above ? labelBelow(above.citation, parent.eid, r.eid) : undefined;
      const citation = below ?? labelOfProvision(r, instrumentsById.get(r.instrument)?.abbreviation ?? r.instrument);
      const heading = r.heading || (r.level === 'article' ? (r.heading ?? null) : parent && above ? articleHeading(parent, above, provisions) : null);
      view = Object.freeze({ iri: r.id, citation, instrument: r.instrument, level: r.level, heading, summary: r.summary ?? null });
      views.set(r.id, view);
    }
    return view;
  };
  return {
    written: views,
    viewOf: (id) => {
      const view = views.get(id);
      if (view !== undefined) return view;
      const record = provisions.get(id);
      return record && viewOf(record);
    },
  };
}

/** The heading of the article `record` is (or is inside), from its view where that says it; `null` when none. */
function articleHeading(record: ProvisionRecord, view: ProvisionView, provisions: ReadonlyMap<string, ProvisionRecord>): string | null {
  if (record.level === 'article') return record.heading ?? null;
  // A provision without a heading of its own shows its article's.
  if (!record.heading) return view.heading;
  let current: ProvisionRecord | undefined = record;
  while (current && current.level !== 'article') current = provisions.get(current.parent);
  return current?.heading ?? null;
}
