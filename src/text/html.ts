/**
 * HTML in a treaty text that is not words: elements whose contents are never shown (`script`, `style`, `template`,
 * `noscript`) and comments, tags, and character references. Each function runs in time linear in its input, whatever
 * the input (a line of 100,000 `<`, an opening `<script` that never closes).
 *
 * @internal
 * @module
 */
import { DecodingMode, decodeHTML } from 'entities';

/** At a `<`: a comment, or an element whose contents are dropped. */
const HIDDEN_OPENER = /<(?:(!--)|(script|style|template|noscript)(?=[\s/>]))/iy;

/** What a dropped region leaves: its line breaks (so that line numbers stay right), or one space. */
function husk(region: string): string {
  const breaks = region.replace(/[^\r\n]+/g, '');
  return breaks || ' ';
}

/**
 * Drops comments and the elements whose contents are no words (`script`, `style`, `template`, `noscript`), tags
 * and contents, keeping the line breaks inside them. An element or comment that is not closed runs to the end, as
 * in HTML.
 *
 * @example
 * ```ts
 * dropHiddenMarkup('a<script type="text/template">Article 3</script>b') // 'a b'
 * ```
 */
export function dropHiddenMarkup(text: string): string {
  if (!text.includes('<')) return text;
  const out: string[] = [];
  let copied = 0;
  /** Whether a `>` is still to come: once none is, no element can open. */
  let closers = true;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    HIDDEN_OPENER.lastIndex = at;
    const m = HIDDEN_OPENER.exec(text);
    if (!m) continue;
    let end: number;
    if (m[1]) {
      const close = text.indexOf('-->', at + 4);
      end = close < 0 ? text.length : close + 3;
    } else {
      if (!closers) continue;
      const open = text.indexOf('>', at);
      if (open < 0) {
        closers = false;
        continue;
      }
      const closing = new RegExp(`</${m[2]}\\s*>`, 'gi');
      closing.lastIndex = open + 1;
      const c = closing.exec(text);
      end = c ? c.index + c[0].length : text.length;
    }
    out.push(text.slice(copied, at), husk(text.slice(at, end)));
    copied = end;
    at = end - 1;
  }
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * Replaces every tag (`<` up to the next `>`, with something between) by a space. Text after the last `>` is left
 * as it is: a `<` that no `>` follows is a character, not a tag.
 *
 * @example
 * ```ts
 * stripTags('a<b>c</b> < d') // 'a c  < d'
 * ```
 */
export function stripTags(line: string): string {
  const out: string[] = [];
  let copied = 0;
  for (let at = line.indexOf('<'); at >= 0; at = line.indexOf('<', at + 1)) {
    const end = line.indexOf('>', at + 1);
    if (end < 0) break;
    if (end === at + 1) continue;
    out.push(line.slice(copied, at), ' ');
    copied = end + 1;
    at = end;
  }
  out.push(line.slice(copied));
  return out.join('');
}

/**
 * Decodes HTML character references that end in `;` (every named one of HTML, and numeric ones); references to
 * code points that are out of range or not allowed become U+FFFD, as in HTML.
 *
 * @example
 * ```ts
 * decodeReferences('coop&eacute;ration &#99999999;') // 'coopération \ufffd'
 * ```
 */
export function decodeReferences(line: string): string {
  return line.includes('&') ? decodeHTML(line, DecodingMode.Strict) : line;
}
