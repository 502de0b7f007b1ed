/**
 * Reading the numbered provisions of one article: where a marker (`1.`, `(a)`, `a)`, `(i)`, `a.`) goes in the tree
 * of the article being read. The reader's own helper (not exported from the package entry).
 *
 * A marker is placed where its number is the next one expected, deepest level first; when two levels expect it (the
 * letter (i) after (h), or the first item (i)), the form each level has used so far decides (`(a)` vs `a)` vs `a.`),
 * then whether the words above end with a colon (which introduces a list).
 *
 * @internal
 * @module
 */
import { isItemNumeral, nextItemNumeral } from '../model/numbers.js';
import type { Marker, MarkerForm } from './lines.js';
import type { TextLevel, TextNotice } from './types.js';

/** A provision as the section reader builds it: mutable until the sections are merged. */
export interface ReadProvision {
  readonly level: TextLevel;
  readonly number: string;
  heading: string;
  readonly text: string[];
  readonly children: ReadProvision[];
  readonly line: number;
}

/** The levels below an article. */
export type ChildLevel = Exclude<TextLevel, 'article'>;

type Style = 'arabic' | 'letter' | 'roman';

function styleOf(level: ChildLevel): Style {
  return level === 'paragraph' ? 'arabic' : level === 'item' ? 'roman' : 'letter';
}

/** The number that follows `value` in a style (the first one for `undefined`); `''` when none does. */
function successor(style: Style, value: string | undefined): string {
  switch (style) {
    case 'arabic':
      return value === undefined ? '1' : String(Number(value) + 1);
    case 'letter':
      return value === undefined ? 'a' : String.fromCharCode(value.charCodeAt(0) + 1);
    case 'roman':
      return nextItemNumeral(value) ?? '';
    default: {
      const never: never = style;
      return never;
    }
  }
}

function fits(style: Style, token: string): boolean {
  return style === 'arabic' ? /^\d+$/.test(token) : style === 'letter' ? /^[a-z]$/.test(token) : isItemNumeral(token);
}

function childLevel(node: ReadProvision, token: string): ChildLevel | undefined {
  switch (node.level) {
    case 'article': {
      const first = node.children[0];
      if (first && first.level !== 'article') return first.level;
      return /^\d+$/.test(token) ? 'paragraph' : 'subparagraph';
    }
    case 'paragraph':
      return 'subparagraph';
    case 'subparagraph':
      return 'item';
    case 'item':
      return 'subitem';
    case 'subitem':
      return undefined;
    default: {
      const never: never = node.level;
      return never;
    }
  }
}

/** A new provision with no words yet. */
export function newProvision(level: TextLevel, number: string, line: number, heading = ''): ReadProvision {
  return { level, number, heading, text: [], children: [], line };
}

interface Option {
  readonly depth: number;
  readonly level: ChildLevel;
  readonly expected: boolean;
}

/**
 * The reader's state within one article: the path from the article to the provision read last.
 *
 * @example
 * ```ts
 * const reader = new ArticleReader(newProvision('article', '1', 1), new Map(), [])
 * reader.place(readMarker('1. The words')!, 2) // true: paragraph 1
 * ```
 */
export class ArticleReader {
  readonly #path: ReadProvision[];

  constructor(
    readonly article: ReadProvision,
    /** The form each level has used in this section (`a)` vs `(a)` vs `a.`), to tell a letter (i) from an item (i). */
    readonly forms: Map<ChildLevel, MarkerForm>,
    readonly notices: TextNotice[],
  ) {
    this.#path = [article];
  }

  /** The provision read last. */
  deepest(): ReadProvision {
    return this.#path[this.#path.length - 1]!;
  }

  /** Adds words to the provision read last; returns it. */
  addText(text: string): ReadProvision {
    const node = this.deepest();
    node.text.push(text);
    return node;
  }

  /** Places a marker; returns false when no level can take it (the line is then read as words). */
  place(marker: Marker, line: number): boolean {
    let choice = this.#choose(marker);
    if (!choice) return false;
    const token = marker.token;
    const parent = this.#path[choice.depth - 1]!;
    if (choice.level === 'paragraph' && parent === this.article && parent.children.length === 0 && token === '2' && parent.text.length > 0) {
      // The words before paragraph 2 are paragraph 1, printed without its number.
      const first = newProvision('paragraph', '1', parent.line);
      first.text.push(...parent.text.splice(0));
      parent.children.push(first);
      this.notices.push({ code: 'numbering_irregular', message: `the words before paragraph 2 of article ${this.article.number} are read as its paragraph 1, which has no number`, line });
      choice = { ...choice, expected: true };
    }
    if (!choice.expected) {
      this.notices.push({ code: 'numbering_irregular', message: `paragraph ${token} of article ${this.article.number} does not follow its predecessor`, line });
    }
    const node = newProvision(choice.level, token, line);
    parent.children.push(node);
    if (!this.forms.has(choice.level) && choice.level !== 'paragraph') this.forms.set(choice.level, marker.form);
    this.#path.length = choice.depth;
    this.#path.push(node);
    const rest = marker.rest.trim();
    if (rest) node.text.push(rest);
    return true;
  }

  /** The levels that could take the marker, and the one that does. */
  #choose(marker: Marker): Option | undefined {
    const token = marker.token;
    const options: Option[] = [];
    for (let depth = this.#path.length; depth >= 1; depth--) {
      const parent = this.#path[depth - 1]!;
      const level = childLevel(parent, token);
      if (!level) continue;
      const style = styleOf(level);
      if (!fits(style, token)) continue;
      const last = parent.children[parent.children.length - 1];
      if (token === successor(style, last?.number)) options.push({ depth, level, expected: true });
      else if (level === 'paragraph' && marker.form === 'dot' && (!last || Number(token) > Number(last.number))) options.push({ depth, level, expected: false });
    }
    // Where two levels expect this number: a level whose form matches wins over one whose form differs; then
    // continuing an open list beats opening a new one, unless the words above end with a colon (which introduces a
    // list).
    const expected = options.filter((o) => o.expected);
    if (expected.length <= 1) return expected[0] ?? options[0];
    const byForm = expected.filter((o) => this.forms.get(o.level) === marker.form);
    const otherForm = expected.filter((o) => this.forms.has(o.level) && this.forms.get(o.level) !== marker.form);
    if (byForm.length === 1 && otherForm.length > 0) return byForm[0];
    const deepest = this.deepest();
    const opening = expected.find((o) => o.depth === this.#path.length && deepest.children.length === 0);
    const continuing = expected.filter((o) => o !== opening);
    const introducesList = /:\s*$/.test(deepest.text[deepest.text.length - 1] ?? '');
    return (opening && (introducesList || continuing.length === 0) ? opening : continuing[0]) ?? options[0];
  }
}
