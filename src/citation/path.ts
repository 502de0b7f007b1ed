/**
 * Provision paths as the parser builds them: the level of a path, which number shape may come below it, and the eId it
 * makes. Levels are positional, as a lawyer reads them (see `parse.ts`).
 *
 * @module
 */
import { cleanNum, mintEid, type Eid, type EidSegment } from '../model/ids.js';
import { isItemNumeral } from '../model/numbers.js';
import type { PathSegment } from './types.js';

/**
 * `token.toLowerCase()`, without the call for a token that has no upper-case ASCII letter and nothing beyond ASCII
 * (most tokens: `27`, `e`, `ii`).
 */
function lowered(token: string): string {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return token.toLowerCase();
  }
  return token;
}

/** A string of digits as the number it prints (`String(Number(t))`): without a leading zero and exact, it is itself. */
function canonicalDigits(t: string): string {
  return t.charCodeAt(0) !== 48 && t.length <= 15 ? t : String(Number(t));
}

/** `/^[a-z]$/` by its code: one lower-case ASCII letter. */
function isLetter(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** `/^\d+$/` by codes: ASCII digits only, at least one. */
function isDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Paths

export type Level = 'article' | 'paragraph' | 'subparagraph' | 'item' | 'subitem';

/** The level of a path: article, paragraph, or the depth of its points below. */
export function levelOf(path: readonly PathSegment[]): Level {
  return levelAt(path, path.length);
}

/** The level of the path's first `length` segments (`levelOf(path.slice(0, length))` without the copy). */
function levelAt(path: readonly PathSegment[], length: number): Level {
  const last = length > 0 ? path[length - 1] : undefined;
  if (!last || last.element === 'art') return 'article';
  if (last.element === 'para') return 'paragraph';
  let depth = 0;
  for (let i = 0; i < length; i++) if (path[i]!.element === 'point') depth++;
  return depth === 1 ? 'subparagraph' : depth === 2 ? 'item' : 'subitem';
}

/** The eId of a path (numbers cleaned the Akoma Ntoso way). */
export function pathToEid(path: readonly PathSegment[]): Eid {
  // Printed numbers are mostly clean already (`27`, `e`, `ii`): the path's own segments then serve.
  for (let i = 0; i < path.length; i++) {
    const num = path[i]!.num;
    if (cleanNum(num) !== num) return mintEid(path.map((s): EidSegment => ({ element: s.element, num: cleanNum(s.num) })));
  }
  return mintEid(path);
}

/** The level of a path of `level` once a segment of `element` (one {@link segmentAt} gives) is added below it. */
export function levelAfter(level: Level, element: PathSegment['element']): Level {
  if (element === 'art') return 'article';
  if (element === 'para') return 'paragraph';
  return level === 'article' || level === 'paragraph' ? 'subparagraph' : level === 'subparagraph' ? 'item' : 'subitem';
}

/** Which shapes a number may take at the level below `path`. */
export function expectedBelow(path: readonly PathSegment[]): string {
  switch (levelOf(path)) {
    case 'article':
      return 'a paragraph number or a subparagraph letter';
    case 'paragraph':
      return 'a subparagraph letter such as (a)';
    case 'subparagraph':
      return 'an item numeral such as (i)';
    case 'item':
      return 'a subitem letter such as a.';
    case 'subitem':
      return 'nothing further (subitems are the lowest level)';
  }
}

/** The segment a token makes when it comes directly below `path`, or `undefined` if it cannot go there. */
export function segmentBelow(path: readonly PathSegment[], token: string): PathSegment | undefined {
  return segmentAt(levelOf(path), token);
}

/** The segment a token makes directly below a provision of `level`, or `undefined` if it cannot go there. */
export function segmentAt(level: Level, token: string): PathSegment | undefined {
  const t = lowered(token);
  switch (level) {
    case 'article':
      if (isDigits(t)) return { element: 'para', num: canonicalDigits(t) };
      if (isLetter(t)) return { element: 'point', num: t };
      return undefined;
    case 'paragraph':
      return isLetter(t) ? { element: 'point', num: t } : undefined;
    case 'subparagraph':
      return isItemNumeral(t) ? { element: 'point', num: t } : undefined;
    case 'item':
      return isLetter(t) ? { element: 'point', num: t } : undefined;
    case 'subitem':
      return undefined;
  }
}

/** The shape class of a token, to decide which earlier segment a continuation ("and (b)") replaces. */
function fitsLevel(level: Level, token: string): boolean {
  const t = lowered(token);
  switch (level) {
    case 'article':
    case 'paragraph':
      return isDigits(t);
    case 'subparagraph':
    case 'subitem':
      return isLetter(t);
    case 'item':
      return isItemNumeral(t);
  }
}

/**
 * A continuation token ("(f)" in "1(a)–(f)", "(ii)" in "(i) and (ii)") replaces the deepest segment of the previous
 * path whose level it fits, dropping what was below it.
 */
export function replaceDeepest(path: readonly PathSegment[], token: string, fromLevel: number): PathSegment[] | undefined {
  for (let depth = path.length; depth > fromLevel; depth--) {
    const level = levelAt(path, depth);
    if (level === 'article') continue; // bare numbers replace articles only through the keyword rule
    if (!fitsLevel(level, token)) continue;
    const segment = segmentAt(levelAt(path, depth - 1), token);
    if (segment) {
      const out = path.slice(0, depth - 1);
      out.push(segment);
      return out;
    }
  }
  return undefined;
}



export function describe(path: readonly PathSegment[]): string {
  const level = levelOf(path);
  return path.length === 0 ? 'the article number' : `a ${level}`;
}
