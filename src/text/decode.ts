/**
 * Turning the input of `parseTreatyText` into text, or failing with a {@link TextReadError} that says where reading
 * stopped: binary input (a NUL byte, control characters), bytes that are not UTF-8 (Latin-1, UTF-16 without a byte
 * order mark), and text that was decoded with the wrong encoding before it reached us (`â€œ`, U+FFFD).
 *
 * @module
 */
import { TextReadError, type TextPosition } from '../errors.js';

const OP = 'parseTreatyText';

/**
 * Throws `text_unreadable` with the position appended to the message.
 *
 * @internal
 * @example
 * ```ts
 * unreadable('the input is empty', { line: 1, offset: 0, source: 'untoc.md' })
 * ```
 */
export function unreadable(message: string, where: TextPosition): never {
  const at = [
    where.line !== undefined ? `line ${where.line}` : undefined,
    where.offset !== undefined ? `offset ${where.offset}` : undefined,
    where.provision ? `after ${where.provision}` : undefined,
  ].filter(Boolean);
  const prefix = where.source ? `${where.source}: ` : '';
  throw new TextReadError(OP, `${prefix}${message}${at.length ? ` (reading stopped at ${at.join(', ')})` : ''}`, where);
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length && need > 0) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The 1-based line of a character offset.
 *
 * @internal
 * @example
 * ```ts
 * lineOfOffset('a\nb\nc', 4) // 3
 * ```
 */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** True when the bytes look like UTF-16 without a byte-order mark: ASCII letters with a NUL beside each. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 400) & ~1;
  if (n < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  return Math.max(evenNul, oddNul) > n / 2 / 2 && Math.min(evenNul, oddNul) < n / 2 / 10;
}

function fromBytes(input: Uint8Array, source: string | undefined): string {
  const where = (offset: number): TextPosition => ({ offset, line: lineOfByte(input, offset), ...(source && { source }) });
  if (input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff))) {
    return new TextDecoder(input[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(input.subarray(2));
  }
  const nul = input.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16(input)) unreadable('the input looks like UTF-16 without a byte-order mark; save it as UTF-8', where(nul));
    unreadable('the input is binary, not text: it has a NUL byte', where(nul));
  }
  const bad = invalidUtf8At(input);
  if (bad >= 0) {
    unreadable(`the input is not UTF-8: byte 0x${input[bad]!.toString(16).padStart(2, '0')} cannot start or continue a character (Latin-1 or Windows-1252?); re-encode it as UTF-8`, where(bad));
  }
  return new TextDecoder('utf-8').decode(input);
}

const MOJIBAKE = /\u00e2\u20ac[\u0153\u009d\u2122\u02dc\u201c\u201d]|\u00c3[\u00a0-\u00bf]/;

/**
 * Decodes the input (a string, or UTF-8 bytes, or UTF-16 bytes with a byte-order mark), drops a leading byte-order
 * mark, and rejects binary or wrongly encoded input.
 *
 * @internal
 * @example
 * ```ts
 * decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.txt') // 'A'
 * ```
 */
export function decodeInput(input: string | Uint8Array, source: string | undefined): string {
  let text = typeof input === 'string' ? input : fromBytes(input, source);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const at = (offset: number): TextPosition => ({ offset, line: lineOfOffset(text, offset), ...(source && { source }) });
  const nul = text.indexOf('\u0000');
  if (nul >= 0) unreadable('the input is binary, not text: it has a NUL character', at(nul));
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g) ?? [];
  if (controls.length > 8 && controls.length > text.length / 200) {
    unreadable('the input looks binary: it is full of control characters', at(text.search(/[\u0001-\u0008\u000e-\u001f\u007f]/)));
  }
  const replacement = text.indexOf('\ufffd');
  if (replacement >= 0) {
    unreadable('the input holds U+FFFD replacement characters: it was decoded with the wrong encoding before it reached the reader; decode it as what it is (e.g. Windows-1252) or pass its bytes', at(replacement));
  }
  const mojibake = text.search(MOJIBAKE);
  if (mojibake >= 0) {
    unreadable(`the input was decoded with the wrong encoding (UTF-8 read as Windows-1252: "${text.slice(mojibake, mojibake + 3)}"); re-encode it`, at(mojibake));
  }
  return text;
}
