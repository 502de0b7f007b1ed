/**
 * Export of the current answer as CSV, one row per piece of evidence (JSON is the library's result as it is). Pure:
 * no DOM, so the tests run it in Node.
 *
 * @module
 */
import type { ToolsAddressingResult } from '../src/index.js';

const COLUMNS = ['provision', 'tool', 'part', 'match', 'via', 'basis', 'source', 'locator', 'note'] as const;

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string | null | undefined): string {
  const s = value ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The answer as CSV: a header, then one row per match and piece of evidence. */
export function answerCsv(result: ToolsAddressingResult): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const m of result.results) {
    for (const e of m.evidence.length > 0 ? m.evidence : [null]) {
      rows.push([result.provision.citation, m.tool.title, m.part?.label ?? '', m.match, m.via.citation, e?.basis ?? '', e?.sourceTitle ?? '', e?.locator ?? '', e?.note ?? '']);
    }
  }
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
