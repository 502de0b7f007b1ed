/**
 * How the commands print the national sections and cases of research corpora (`documents`, and `tools --data`).
 *
 * @module
 */
import type { LinkedDocument } from '../query/corpus-views.js';
import type { DocumentMatch } from '../query/documents.js';
import { evidenceLine, pathLine, wrap } from './format.js';

/** One answer per line ("exact    TUI art. 12 (heading), Example law [IT]"), its evidence indented below. */
export function documentLines(results: readonly (DocumentMatch | LinkedDocument)[], options: { readonly paths?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const what = r.section ? `${r.section.label}${r.section.heading ? ` (${r.section.heading})` : ''}, ${r.document.title}` : `case ${r.document.id}, ${r.document.title}`;
    lines.push(`${r.match.padEnd(9)}${what} [${r.document.state}]${r.match === 'exact' ? '' : `, via ${r.via.citation}`}`);
    for (const e of r.evidence) lines.push(wrap(evidenceLine(e), ' '.repeat(11)));
    if (options.paths && 'path' in r) lines.push(wrap(`path: ${pathLine(r.path)}`, ' '.repeat(11)));
  }
  return lines;
}
