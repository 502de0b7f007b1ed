/**
 * Checking that a value is a treaty text as `parseTreatyText` returns it, before `checkText` and `attachText` walk
 * it: a hand-made or JSON-read object with a missing field, a number where words should be, an eId that is not one,
 * or provisions nested deeper than subitems fails with `invalid_input` that names the path, not with a TypeError
 * deep inside the walk.
 *
 * @internal
 * @module
 */
import { UntocKgError } from '../errors.js';
import { parseEid } from '../model/ids.js';
import type { TextLevel, TreatyText } from './types.js';

const LEVELS: ReadonlySet<string> = new Set<TextLevel>(['article', 'paragraph', 'subparagraph', 'item', 'subitem']);
/** An article, and four levels below it. */
const MAX_DEPTH = LEVELS.size;

type Fail = (path: string, what: string) => never;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wording(value: unknown, path: string, fail: Fail): void {
  if (!isObject(value)) fail(path, 'is not an object of words per language');
  for (const [language, words] of Object.entries(value)) if (typeof words !== 'string') fail(`${path}.${language}`, 'is not a string');
}

function strings(value: unknown, path: string, fail: Fail): void {
  if (!Array.isArray(value)) fail(path, 'is not a list');
  value.forEach((item, i) => typeof item !== 'string' && fail(`${path}[${i}]`, 'is not a string'));
}

function common(value: Record<string, unknown>, path: string, fail: Fail): void {
  if (typeof value.eid !== 'string' || !parseEid(value.eid)) fail(`${path}.eid`, 'is not an eId such as art_27__para_1');
  if (typeof value.number !== 'string') fail(`${path}.number`, 'is not a string');
  if (typeof value.line !== 'number') fail(`${path}.line`, 'is not a number');
  wording(value.heading, `${path}.heading`, fail);
}

function provisions(value: unknown, path: string, depth: number, fail: Fail): void {
  if (!Array.isArray(value)) fail(path, 'is not a list');
  if (value.length > 0 && depth >= MAX_DEPTH) fail(path, `is nested deeper than ${MAX_DEPTH} levels (article to subitem)`);
  value.forEach((p: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(p)) fail(at, 'is not a provision');
    common(p, at, fail);
    if (typeof p.level !== 'string' || !LEVELS.has(p.level)) fail(`${at}.level`, `is not one of ${[...LEVELS].join(', ')}`);
    wording(p.text, `${at}.text`, fail);
    strings(p.languages, `${at}.languages`, fail);
    provisions(p.children, `${at}.children`, depth + 1, fail);
  });
}

/**
 * Throws `invalid_input` unless `value` has the shape of a {@link TreatyText}.
 *
 * @example
 * ```ts
 * assertTreatyText(JSON.parse(saved), 'checkText') // then `saved` can be checked against the graph
 * ```
 */
export function assertTreatyText(value: unknown, operation: string): asserts value is TreatyText {
  const fail: Fail = (path, what) => {
    throw new UntocKgError('invalid_input', operation, `expected a treaty text as parseTreatyText returns it: ${path} ${what}`, { value: path });
  };
  if (!isObject(value)) fail('the text', `is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`);
  strings(value.languages, 'languages', fail);
  for (const key of ['title', 'preamble'] as const) wording(value[key], key, fail);
  if (value.closing !== undefined) wording(value.closing, 'closing', fail);
  for (const key of ['source', 'instrument'] as const) if (value[key] !== undefined && typeof value[key] !== 'string') fail(key, 'is not a string');
  if (!Array.isArray(value.chapters)) fail('chapters', 'is not a list');
  value.chapters.forEach((c: unknown, i) => {
    if (!isObject(c)) fail(`chapters[${i}]`, 'is not a chapter');
    common(c, `chapters[${i}]`, fail);
    strings(c.articles, `chapters[${i}].articles`, fail);
  });
  provisions(value.articles, 'articles', 0, fail);
}
