/**
 * Human-readable output shared by the query commands: lines wrapped to the terminal's width, short titles, evidence
 * with its source's title.
 *
 * @module
 */
import type { Discrepancy } from '../query/discrepancies.js';
import type { PathStep } from '../query/steps.js';
import type { AuthoritySummary } from '../query/designations.js';
import type { Evidence, ProvisionView } from '../query/views.js';
import type { Io } from './io.js';

/** The width human output wraps to: the terminal's (or `COLUMNS`), at most 100 columns for reading, at least 40. */
export function widthOf(io: Io): number {
  return Math.min(100, Math.max(40, io.columns ?? 100));
}

/**
 * A tool's title as a reader names it: the words before its subject ("Legislative Guides for the Implementation of
 * …" → "Legislative Guides", "Model Law against the Smuggling of Migrants" → "Model Law"); short titles stay whole.
 */
export function shortTitle(title: string): string {
  const cut = /\s(?:for the|on|to the|to|against)\s/.exec(title);
  return cut && cut.index >= 8 ? title.slice(0, cut.index) : title;
}

/** "UNTOC art. 27(1)(e) — Law enforcement cooperation". */
export function provisionLine(p: ProvisionView): string {
  return p.heading ? `${p.citation} — ${p.heading}` : p.citation;
}

/** "source: Smuggling of migrants by sea: note by the Secretariat, … (annex, entry on the Legislative Guides)" (+ the note for curated links). */
export function evidenceLine(e: Evidence): string {
  const where = e.locator ? ` (${e.locator})` : '';
  const note = e.note ? ` — ${e.note}` : '';
  return `${e.basis}: ${e.sourceTitle}${where}${note}`;
}

/** "art. 27(1)(e) partOf art. 27(1) › …" for a path. */
export function pathLine(steps: readonly PathStep[]): string {
  if (steps.length === 0) return '';
  return [steps[0]!.from.label, ...steps.map((s) => `${s.relation} ${s.to.label}`)].join(' › ');
}

/** One disputed claim in two lines: what the source claims and what the graph asserts, then why. */
export function discrepancyLines(d: Discrepancy): string[] {
  const claim = `Source "${d.evidence.source}" links ${d.subject.label} to ${d.claimed.citation}`;
  const head =
    d.role === 'claimed'
      ? `${claim}; the graph asserts ${d.accepted.citation} instead (untoc-kg tools "${d.accepted.citation}").`
      : `${claim}; the graph asserts this provision, ${d.accepted.citation}, instead.`;
  return [head, d.explanation];
}

/**
 * Wraps text at `width` columns: the first line starts with `first`, the others with `indent`. Text that fits is
 * left as it is; a word longer than the width (an IRI) stays whole on its own line.
 */
export function wrap(text: string, indent: string, width = 100, first = indent): string {
  if (first.length + text.length <= width && !text.includes('\n')) return first + text;
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join('\n');
}

/** "Bundesamt für Seeschifffahrt und Hydrographie, Hamburg (DE) — source: whatconvention-de". */
export function authorityLine(a: AuthoritySummary): string {
  const city = a.contact.city ? `, ${a.contact.city}` : '';
  const example = a.snapshot.example ? ' [example data]' : '';
  return `${a.name}${city} (${a.state.alpha2})${example} — source: ${a.source.id}`;
}
