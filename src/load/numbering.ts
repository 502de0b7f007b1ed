/**
 * Pure numbering checks of a sibling sequence (articles, paragraphs, subparagraphs, items, chapters): each number has
 * its level's shape, none repeats, and a complete sequence has no gap. The printed numbers themselves (shapes, order,
 * roman numerals) are read by `model/numbers.ts`.
 *
 * @module
 */
import type { ProvisionLevel } from '../model/ids.js';
import { NUMBER_SHAPES as SHAPES, NUMBER_STYLE_NAMES as DESCRIBE, numberOrder, type NumberStyle } from '../model/numbers.js';
import type { Issues, Path } from './issues.js';

/** The levels below an article, each numbered in one style. */
export type SubLevel = Exclude<ProvisionLevel, 'article' | 'chapter'>;

/** The number style of each level below an article. */
export const STYLE_OF_LEVEL: Readonly<Record<SubLevel, NumberStyle>> = {
  paragraph: 'arabic',
  subparagraph: 'letter',
  item: 'roman',
  subitem: 'letter',
};

/** Whether `number` has the shape of `style` (an entry that does not is reported by {@link checkSequence}). */
export function hasShape(style: NumberStyle, number: string): boolean {
  return SHAPES[style].test(number);
}

/** The position of a number in its style's sequence, to find gaps: a=1, ii=2, II=2, 5.A=(5,1), 2 bis=(2,1). */
function ordinal(style: NumberStyle, value: string): readonly [number, number] {
  return numberOrder(value, style === 'roman' || style === 'chapter');
}

function show(style: NumberStyle, value: string): string {
  return style === 'letter' || style === 'roman' ? `(${value})` : value;
}

/** Whether `current` may follow `previous` in a complete sequence: the next number, or the next suffix of the same. */
function follows(previous: readonly [number, number], current: readonly [number, number]): boolean {
  return (current[0] === previous[0] && current[1] === previous[1] + 1) || (current[0] === previous[0] + 1 && (current[1] === 0 || current[1] === 1));
}

/**
 * Checks a sibling sequence: each number has the right shape, none repeats, and (unless `complete` is false) they run
 * from the first value without a gap. `2 bis` may follow `2`; `5.A` may follow `4` and `5.B` may follow `5.A`.
 *
 * @example
 * ```ts
 * checkSequence(issues, 'i.yaml', 'paragraph', 'arabic', [{ number: '1', path: [...] }, { number: '3', path: [...] }], true)
 * // issues: numbering_gap at the second entry
 * ```
 */
export function checkSequence(
  issues: Issues,
  file: string,
  what: string,
  style: NumberStyle,
  entries: readonly { number: string; path: Path }[],
  complete: boolean,
): void {
  const seen = new Set<string>();
  let previous: readonly [number, number] | undefined;
  let previousNumber = '';
  for (const entry of entries) {
    if (!hasShape(style, entry.number)) {
      issues.add('invalid_number', file, entry.path, `${what} "${entry.number}" is not ${DESCRIBE[style]}`);
      previous = undefined;
      continue;
    }
    if (seen.has(entry.number)) {
      issues.add('duplicate_number', file, entry.path, `${what} ${show(style, entry.number)} appears twice`);
      continue;
    }
    seen.add(entry.number);
    const current = ordinal(style, entry.number);
    if (complete) {
      if (previous === undefined && seen.size === 1) {
        const isStart = current[0] === 1 && (current[1] === 0 || current[1] === 1);
        if (!isStart) issues.add('numbering_gap', file, entry.path, `${what}s start at ${show(style, entry.number)}; the first is missing`);
      } else if (previous && !follows(previous, current)) {
        issues.add(
          'numbering_gap',
          file,
          entry.path,
          `${what} ${show(style, entry.number)} follows ${show(style, previousNumber)}; a number is missing or out of order (mark the parent "partial: true" if the data holds only some ${what}s)`,
        );
      }
    }
    previous = current;
    previousNumber = entry.number;
  }
}
