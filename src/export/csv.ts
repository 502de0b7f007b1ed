/**
 * CSV tables for spreadsheets (RFC 4180: CRLF line ends, a header row, fields quoted when they hold a quote, a comma
 * or a line break, quotes doubled; text a spreadsheet would run as a formula neutralised): the provisions, and the
 * links with their basis, source and locator. Read from the dataset directly. Pure: the writers yield chunks.
 *
 * @module
 */
import { provisionLabel } from '../citation/format.js';
import type { Dataset } from '../model/dataset.js';
import { csvField } from '../directory/csv.js';

/** Options of the CSV writers. */
export interface CsvWriteOptions {
  /** About how many characters each chunk holds (default 65,536). */
  readonly chunkSize?: number;
}

/** The columns of {@link writeProvisionsCsv}. */
export const PROVISION_COLUMNS = ['id', 'instrument', 'eid', 'level', 'number', 'citation', 'heading', 'group', 'parent', 'chapter', 'partial'] as const;

/** The columns of {@link writeLinksCsv}. */
export const LINK_COLUMNS = [
  'id',
  'property',
  'from',
  'from_label',
  'to',
  'to_label',
  'basis',
  'source',
  'source_title',
  'locator',
  'status',
  'correction',
  'discrepancy',
  'note',
] as const;

/**
 * One cell: text is quoted where it must be, and a text a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) is prefixed with `'` and quoted (OWASP's advice on CSV injection). Numbers and
 * booleans are written as they are: `-5` stays a number.
 *
 * @example
 * ```ts
 * csvCell('=1+2') // `"'=1+2"`
 * csvCell(-5) // '-5'
 * ```
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? csvField(value, { neutralizeFormulas: true }) : String(value);
}

/** The header, then one line per row, in chunks of about `size` characters. */
function* table<T>(header: readonly string[], rows: Iterable<T>, row: (item: T) => readonly (string | number | boolean | undefined)[], size: number): Generator<string, void, undefined> {
  let out = `${header.join(',')}\r\n`;
  for (const item of rows) {
    out += `${row(item).map(csvCell).join(',')}\r\n`;
    if (out.length >= size) {
      yield out;
      out = '';
    }
  }
  yield out;
}

/**
 * The provisions as CSV: IRI, instrument, eId, level, printed number, short citation, heading, group, parent and
 * chapter IRIs, and whether only some of its children are listed.
 *
 * @example
 * ```ts
 * writeFileSync('provisions.csv', [...writeProvisionsCsv(kg.dataset)].join(''))
 * ```
 */
export function writeProvisionsCsv(dataset: Dataset, options: CsvWriteOptions = {}): Generator<string, void, undefined> {
  const abbreviation = new Map(dataset.instruments.map((i) => [i.id as string, i.abbreviation]));
  return table(
    PROVISION_COLUMNS,
    dataset.provisions,
    (p) => [p.id, p.instrument, p.eid, p.level, p.number, provisionLabel(p, abbreviation.get(p.instrument) ?? p.instrument), p.heading, p.group, p.parent, p.chapter, p.partial],
    options.chunkSize ?? 1 << 16,
  );
}

/**
 * The links as CSV, one row per claim: what it says (property, from, to, with labels), who says so (basis, source
 * and its title, locator), and whether it is asserted or disputed (with the correction and the discrepancy).
 *
 * @example
 * ```ts
 * for (const chunk of writeLinksCsv(kg.dataset)) process.stdout.write(chunk)
 * ```
 */
export function writeLinksCsv(dataset: Dataset, options: CsvWriteOptions = {}): Generator<string, void, undefined> {
  const abbreviation = new Map(dataset.instruments.map((i) => [i.id as string, i.abbreviation]));
  const labels = new Map<string, string>([
    ...dataset.instruments.map((i) => [i.iri as string, i.abbreviation] as const),
    ...dataset.provisions.map((p) => [p.id as string, provisionLabel(p, abbreviation.get(p.instrument) ?? p.instrument)] as const),
    ...dataset.tools.map((t) => [t.iri as string, t.title] as const),
    ...dataset.parts.map((p) => [p.id as string, p.label] as const),
    ...dataset.themes.map((t) => [t.iri as string, t.label] as const),
  ]);
  const sources = new Map(dataset.sources.map((s) => [s.id as string, s.title]));
  return table(
    LINK_COLUMNS,
    dataset.links,
    (l) => [l.id, l.property, l.from, labels.get(l.from), l.to, labels.get(l.to), l.basis, l.source, sources.get(l.source), l.locator, l.status, l.correction, l.discrepancy, l.note],
    options.chunkSize ?? 1 << 16,
  );
}
