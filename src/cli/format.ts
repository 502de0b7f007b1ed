/**
 * Human-readable output shared by the query commands: short lines, evidence in one line each.
 *
 * @module
 */
import type { Discrepancy } from '../query/discrepancies.js';
import type { PathStep } from '../query/steps.js';
import type { AuthoritySummary } from '../query/designations.js';
import type { Evidence, ProvisionView } from '../query/views.js';

/** "UNTOC art. 27(1)(e) — Law enforcement cooperation". */
export function provisionLine(p: ProvisionView): string {
  return p.heading ? `${p.citation} — ${p.heading}` : p.citation;
}

/** "source: seed, annex, entry on the Legislative Guides" (+ the note for curated links). */
export function evidenceLine(e: Evidence): string {
  const where = e.locator ? `, ${e.locator}` : '';
  const note = e.note ? ` — ${e.note}` : '';
  return `${e.basis}: ${e.source}${where}${note}`;
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

/** Wraps text at `width` columns with an indent. */
export function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    if (line.length + word.length + 1 > width && line.trim().length > 0) {
      lines.push(line);
      line = indent;
    }
    line += (line.trim().length > 0 ? ' ' : '') + word;
  }
  if (line.trim().length > 0) lines.push(line);
  return lines.join('\n');
}

/** "Bundesamt für Seeschifffahrt und Hydrographie, Hamburg (DE) — source: whatconvention-de". */
export function authorityLine(a: AuthoritySummary): string {
  const city = a.contact.city ? `, ${a.contact.city}` : '';
  const example = a.snapshot.example ? ' [example data]' : '';
  return `${a.name}${city} (${a.state.alpha2})${example} — source: ${a.source.id}`;
}
