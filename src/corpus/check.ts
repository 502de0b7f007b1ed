/**
 * A fast check of one JSON Lines record against the shapes of `corpus/records.ts`, written by hand for the reader's
 * hot path: it says yes only to a record that the zod schema accepts unchanged (every text already trimmed, every
 * URL already in the form zod gives back), so the reader keeps the record as parsed. Anything else (a bad record, a
 * text with spaces around it) goes to the zod schema, which gives the same record or the same problems as before.
 * A property test (tests/fuzz/corpus.test.ts) checks that the two agree.
 *
 * @module
 */
import { z } from 'zod';
import type { CorpusLine } from './records.js';

type Value = unknown;
type Check = (value: Value) => boolean;

/** A text of the schema's `text(max)`: a string with no space around it, 1 to `max` long. */
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length >= 1 && v.length <= max && !isSpace(v.charCodeAt(0)) && !isSpace(v.charCodeAt(v.length - 1));

/** Whether `String.prototype.trim` would remove this UTF-16 code unit (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c > 32 && c < 127) return false;
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const CORPUS_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE_ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const URL_SCHEMA = z.url().max(2_000);

const isObject = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);
const regex = (pattern: RegExp, max = Infinity): Check => (v) => typeof v === 'string' && v.length <= max && pattern.test(v);
/**
 * A plain web address: `http(s)://` and printable ASCII, so nothing to trim and no tab or line break (the characters
 * zod's URL check removes). One that the URL parser also takes, zod takes as it is; any other goes to zod.
 */
const PLAIN_URL = /^https?:\/\/[!-~]+$/;
/** A URL zod accepts and gives back as it is. */
const url: Check = (v) => {
  if (typeof v !== 'string') return false;
  if (v.length <= 2_000 && PLAIN_URL.test(v) && URL.canParse(v)) return true;
  const parsed = URL_SCHEMA.safeParse(v);
  return parsed.success && parsed.data === v;
};
const array =
  (item: Check, max: number): Check =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return false;
    for (const x of v) if (!item(x)) return false;
    return true;
  };
const bigText = text(1_000_000);
/** A language map (`{"en": "…"}`) or a plain string. */
const languageMap: Check = (v) => {
  if (typeof v === 'string') return bigText(v);
  if (!isObject(v)) return false;
  for (const key in v) if (!LANGUAGE.test(key) || !bigText(v[key])) return false;
  return true;
};

/** The fields of a strict object: each key's check, and which keys must be there. */
type Shape = Readonly<Record<string, Check>>;

/** Whether `v` has only the keys of `shape`, each valid, and every key of `required`. */
function strict(v: Value, shape: Shape, required: readonly string[]): boolean {
  if (!isObject(v)) return false;
  let seen = 0;
  for (const key in v) {
    if (!Object.hasOwn(shape, key) || !shape[key]!(v[key])) return false;
    if (required.includes(key)) seen++;
  }
  return seen === required.length;
}

const BASES = new Set(['text', 'source', 'curated']);
const linkBase: Shape = { basis: (v) => typeof v === 'string' && BASES.has(v), source: text(200), locator: text(2_000), note: text(10_000) };
const provisionLink: Shape = { provision: text(500), ...linkBase };
const sectionLink: Shape = { section: text(500), ...linkBase };
const implementsLink: Check = (v) => strict(v, provisionLink, ['provision', 'basis']);
const appliesLink: Check = (v) => isObject(v) && ('provision' in v ? strict(v, provisionLink, ['provision', 'basis']) : strict(v, sectionLink, ['section', 'basis']));
const date: Check = (v) => typeof v === 'string' && v.length <= 10;
const boolean: Check = (v) => typeof v === 'boolean';
const type = (name: string): Check => (v) => v === name;
const charge: Check = (v) => strict(v, { section: text(500), charge: text(2_000), verdict: text(200), sentence: text(500) }, []);

const SHAPES: Readonly<Record<CorpusLine['type'], { readonly shape: Shape; readonly required: readonly string[] }>> = {
  corpus: {
    shape: { type: type('corpus'), id: regex(CORPUS_ID, 80), title: text(500), synthetic: boolean, note: text(10_000) },
    required: ['type', 'id', 'title'],
  },
  source: {
    shape: { type: type('source'), id: regex(SOURCE_ID, 80), title: text(1_000), url },
    required: ['type', 'id', 'title'],
  },
  legislation: {
    shape: {
      type: type('legislation'),
      id: text(120),
      state: text(100),
      title: text(2_000),
      officialId: text(1_000),
      date,
      url,
      languages: array(regex(LANGUAGE), 50),
      abbreviations: array(text(40), 20),
      crimeTypes: array(text(200), 50),
      note: text(10_000),
    },
    required: ['type', 'id', 'state', 'title'],
  },
  section: {
    shape: { type: type('section'), legislation: text(120), number: text(40), parent: text(500), heading: languageMap, text: languageMap, implements: array(implementsLink, 1_000) },
    required: ['type', 'legislation', 'number'],
  },
  case: {
    shape: {
      type: type('case'),
      id: text(120),
      state: text(100),
      title: text(2_000),
      court: text(1_000),
      decisionDate: date,
      crimeTypes: array(text(200), 50),
      legalSystem: text(200),
      factSummary: languageMap,
      charges: array(charge, 1_000),
      sources: array(text(2_000), 100),
      crossCuttingIssues: array(text(200), 100),
      url,
      applies: array(appliesLink, 1_000),
      note: text(10_000),
    },
    required: ['type', 'id', 'state', 'title'],
  },
};

/**
 * The record, when the zod schema {@link CorpusLine} would accept it as it is (without trimming or rewriting a
 * value); `undefined` when the schema has to decide (a bad record, or one the schema would change).
 *
 * @example
 * ```ts
 * fastCheck({ type: 'source', id: 'sherloc', title: 'SHERLOC' }) // the record
 * fastCheck({ type: 'source', id: 'sherloc', title: ' SHERLOC ' }) // undefined: zod trims it
 * ```
 */
export function fastCheck(value: Value): CorpusLine | undefined {
  if (!isObject(value)) return undefined;
  const kind = value['type'];
  if (typeof kind !== 'string' || !Object.hasOwn(SHAPES, kind)) return undefined;
  const { shape, required } = SHAPES[kind as CorpusLine['type']];
  return strict(value, shape, required) ? (value as CorpusLine) : undefined;
}
