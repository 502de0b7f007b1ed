/**
 * A small CSV reader and writer for directory files (RFC 4180): fields separated by commas, records by CRLF or LF;
 * a field in double quotes may hold commas, line breaks and doubled quotes (`""`); a leading byte-order mark is
 * dropped. It keeps, for every record, the row number a spreadsheet would show and the line where the record starts,
 * so that errors can name both. Pure and dependency-free (it runs in a browser).
 *
 * @module
 */

/** One record of a CSV file. */
export interface CsvRecord {
  /** The 1-based row, as a spreadsheet numbers it: the header is row 1; blank lines count. */
  readonly row: number;
  /** The 1-based line where the record starts (differs from `row` after a quoted field with line breaks). */
  readonly line: number;
  readonly fields: readonly string[];
}

/** A syntax problem: a quote where RFC 4180 allows none, or a quoted field that is never closed. */
export interface CsvProblem {
  readonly row: number;
  readonly line: number;
  /** The 1-based field position in the record. */
  readonly field: number;
  readonly code: 'invalid_quote' | 'unterminated_quote';
  readonly message: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Reads CSV text into records. Blank lines are skipped (but counted in row numbers); a final line break ends the last
 * record and adds none.
 *
 * @example
 * ```ts
 * parseCsv('name,state\r\n"Ministry of Justice, Central Authority",DE\r\n').records[1].fields
 * // ['Ministry of Justice, Central Authority', 'DE']
 * ```
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let row = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    // A blank line: no record.
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      row++;
      continue;
    }
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: up to the closing quote; "" is a quote.
        let out = '';
        let from = i + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) break;
          out += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += '"';
            from = q + 2;
            continue;
          }
          from = q + 1;
          closed = true;
          break;
        }
        const raw = text.slice(i + 1, closed ? from - 1 : n);
        for (let k = raw.indexOf('\n'); k >= 0; k = raw.indexOf('\n', k + 1)) line++;
        if (!closed) {
          problems.push({
            row,
            line: startLine,
            field: fields.length + 1,
            code: 'unterminated_quote',
            message: `the quoted field ${fields.length + 1} that starts on line ${startLine} is never closed (the rest of the file was read into it)`,
          });
          fields.push(out + text.slice(from));
          i = n;
          break;
        }
        i = from;
        // After the closing quote: a comma, a line break or the end; anything else is stray text.
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          let end = i;
          while (end < n && text.charCodeAt(end) !== COMMA && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
          problems.push({
            row,
            line,
            field: fields.length + 1,
            code: 'invalid_quote',
            message: `text after the closing quote of field ${fields.length + 1}: ${JSON.stringify(text.slice(i, end))} (quote the whole field, and double the quotes inside it)`,
          });
          out += text.slice(i, end);
          i = end;
        }
        value = out;
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || c === CR) break;
          end++;
        }
        value = text.slice(i, end);
        const q = value.indexOf('"');
        if (q >= 0) {
          problems.push({
            row,
            line,
            field: fields.length + 1,
            code: 'invalid_quote',
            message: `a quote inside the unquoted field ${fields.length + 1} (${JSON.stringify(value)}); quote the whole field and double the quotes inside it`,
          });
        }
        i = end;
      }
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      // A line break ends the record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    records.push({ row, line: startLine, fields });
    row++;
  }
  return { records, problems };
}

/** Options of {@link csvField}. */
export interface CsvFieldOptions {
  /**
   * Neutralise a text a spreadsheet would run as a formula (OWASP's advice on CSV injection): a value starting with
   * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` and is quoted. Off by default, since the
   * directory files must read back as written (a phone number `+49 …` stays as it is); the exports turn it on for
   * their text cells.
   */
  readonly neutralizeFormulas?: boolean;
}

/**
 * Quotes a field when it must be (a comma, a quote, a line break, or space at either end); with
 * `neutralizeFormulas`, also prefixes a would-be formula with `'` and quotes it.
 *
 * @example
 * ```ts
 * csvField('A, B') // '"A, B"'
 * csvField('=1+2', { neutralizeFormulas: true }) // `"'=1+2"`
 * ```
 */
export function csvField(value: string, options: CsvFieldOptions = {}): string {
  if (options.neutralizeFormulas && /^[=+\-@\t\r]/.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes records as CSV with CRLF line ends (RFC 4180).
 *
 * @example
 * ```ts
 * toCsv([['name', 'state'], ['A, B', 'DE']]) // 'name,state\r\n"A, B",DE\r\n'
 * ```
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((value) => csvField(value)).join(',')).join('\r\n') + '\r\n';
}
