/**
 * Synthetic directory files of any size, for tests and benchmarks: deterministic for a seed, valid against the
 * curated graph, and plainly synthetic in their content (names say "(synthetic data)", e-mails and websites are at
 * example.org, telephone numbers start with +00, and a JSON file says `example: true`). Nothing in them is a real
 * authority.
 *
 * @module
 */
import { bundledDataset } from '../bundled.js';
import { formatCitation } from '../citation/format.js';
import type { Dataset } from '../model/dataset.js';
import type { AuthorityEntry, DirectoryFile } from '../model/files.js';
import { allStates } from '../model/states.js';
import { toCsv } from './csv.js';
import { DIRECTORY_COLUMNS } from './import.js';
import { seededRandom } from '../util/random.js';

/** Options of {@link generateDirectory}. */
export interface GenerateDirectoryOptions {
  /** How many authorities. */
  readonly authorities: number;
  /** The seed of the pseudo-random choices (default 1): the same seed gives the same file. */
  readonly seed?: number;
  /** `csv` (default) or `json` (a `type: directory` document with `example: true`). */
  readonly format?: 'csv' | 'json';
  /** The snapshot's date in a JSON file (default 2000-01-01, plainly not a real snapshot). */
  readonly asOf?: string;
  /** The dataset whose categories and provisions the entries use (default: the curated one). */
  readonly dataset?: Dataset;
}

const LANGUAGES = ['English', 'French', 'Spanish', 'Arabic', 'Chinese', 'Russian'];
const ZONES = ['UTC', 'UTC+01:00', 'UTC-05:00', 'Europe/Vienna', 'America/New_York', 'Asia/Bangkok'];

/**
 * The entries of a synthetic directory.
 *
 * @example
 * ```ts
 * generateDirectoryEntries({ authorities: 2 })[0].name // 'Synthetic Authority 1 (synthetic data)'
 * ```
 */
export function generateDirectoryEntries(options: GenerateDirectoryOptions): AuthorityEntry[] {
  const next = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const dataset = options.dataset ?? bundledDataset();
  const categories = dataset.categories.map((c) => ({ id: c.id as string, clauses: c.designatedUnder.map((p) => formatCitation(p, 'short')) }));
  const states = allStates();
  const out: AuthorityEntry[] = [];
  for (let i = 1; i <= options.authorities; i++) {
    const state = pick(states);
    const category = pick(categories);
    const n = String(i).padStart(6, '0');
    const entry: AuthorityEntry = {
      id: `synthetic-${n}`,
      name: `Synthetic Authority ${i} (synthetic data)`,
      state: next() < 0.5 ? state.alpha2 : state.alpha3,
      categories: [category.id],
      ...(category.clauses.length > 0 && next() < 0.7 && { provisions: [pick(category.clauses)] }),
      city: `Example City ${1 + Math.floor(next() * 500)}`,
      address: `${1 + Math.floor(next() * 200)} Example Street, Example City`,
      phone: `+00 ${100 + Math.floor(next() * 900)} ${String(Math.floor(next() * 1e6)).padStart(6, '0')}`,
      email: `cna-${n}@example.org`,
      website: `https://example.org/cna/${n}`,
      languages: next() < 0.5 ? [pick(LANGUAGES)] : [pick(LANGUAGES), pick(LANGUAGES)].filter((l, k, a) => a.indexOf(l) === k),
      hours: '09:00-17:00',
      timeZone: pick(ZONES),
      urgentViaInterpol: next() < 0.5,
      notes: 'Synthetic data generated for tests, not a real authority.',
      updated: `20${String(10 + Math.floor(next() * 15))}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`,
    };
    out.push(entry);
  }
  return out;
}

/**
 * A synthetic directory file: CSV in the import format (a header and one row per authority, CRLF line ends), or a
 * JSON `type: directory` document marked `example: true`.
 *
 * @example
 * ```ts
 * const csv = generateDirectory({ authorities: 100_000, seed: 7 })
 * const { authorities } = importDirectory(csv, { asOf: '2000-01-01', example: true })
 * ```
 */
export function generateDirectory(options: GenerateDirectoryOptions): string {
  const entries = generateDirectoryEntries(options);
  if (options.format === 'json') {
    const file: Omit<DirectoryFile, 'example'> & { example: true } = {
      type: 'directory',
      title: 'Synthetic directory (synthetic data, not real authorities)',
      asOf: options.asOf ?? '2000-01-01',
      example: true,
      authorities: entries,
    };
    return `${JSON.stringify(file, null, 1)}\n`;
  }
  const rows: string[][] = [[...DIRECTORY_COLUMNS]];
  for (const e of entries) {
    rows.push(
      DIRECTORY_COLUMNS.map((c) => {
        const v = e[c];
        return v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
      }),
    );
  }
  return toCsv(rows);
}
