/**
 * States: ISO 3166-1 alpha-2 and alpha-3 codes with their English short names, taken from the `iso-3166` package
 * (wooorm/iso-3166, which follows the ISO 3166 Maintenance Agency's list of assigned codes) rather than typed by hand.
 * Only assigned codes are States here: user-assigned codes such as `XK` and exceptionally reserved ones such as `EU`
 * are not ISO 3166-1 country codes and are rejected with a message that says so (docs/design-choices.md).
 *
 * This is the only module that imports the table. It is bundled into the package at build time and loaded only by
 * the modules that check or look up States (the directory loader, the `authorities` query), never by the CLI's
 * other commands.
 *
 * @module
 */
import { iso31661 } from 'iso-3166/1.js';
import { iso31661Reserved } from 'iso-3166/1-reserved.js';
import { closest } from '../util/closest.js';
import { foldKey as fold } from '../util/fold.js';

/** A State as ISO 3166-1 names it. */
export interface StateCodes {
  /** ISO 3166-1 alpha-2, upper case: `DE`. */
  readonly alpha2: string;
  /** ISO 3166-1 alpha-3, upper case: `DEU`. */
  readonly alpha3: string;
  /** ISO 3166-1 numeric: `276`. */
  readonly numeric: string;
  /** The English short name ISO 3166-1 gives: `Germany`, `Bolivia, Plurinational State of`. */
  readonly name: string;
}

let tables:
  | { readonly list: readonly StateCodes[]; readonly byCode: ReadonlyMap<string, StateCodes>; readonly byName: ReadonlyMap<string, StateCodes> }
  | undefined;


function load() {
  if (tables) return tables;
  const list: StateCodes[] = iso31661.map((e) => ({ alpha2: e.alpha2, alpha3: e.alpha3, numeric: e.numeric, name: e.name }));
  const byCode = new Map<string, StateCodes>();
  const byName = new Map<string, StateCodes>();
  for (const s of list) {
    byCode.set(s.alpha2, s);
    byCode.set(s.alpha3, s);
    byName.set(fold(s.name), s);
  }
  return (tables = { list, byCode, byName });
}

/**
 * Every assigned ISO 3166-1 code (249 States and territories), in the package's order.
 *
 * @example
 * ```ts
 * allStates().find((s) => s.alpha2 === 'DE') // { alpha2: 'DE', alpha3: 'DEU', numeric: '276', name: 'Germany' }
 * ```
 */
export function allStates(): readonly StateCodes[] {
  return load().list;
}

/**
 * The State with this ISO 3166-1 alpha-2 or alpha-3 code (any case), or `undefined`.
 *
 * @example
 * ```ts
 * stateByCode('deu')?.alpha2 // 'DE'
 * stateByCode('XK')          // undefined: a user-assigned code
 * ```
 */
export function stateByCode(code: string): StateCodes | undefined {
  return load().byCode.get(code.trim().toUpperCase());
}

/**
 * The State an input names: an alpha-2 or alpha-3 code (any case) or the ISO English short name (case and accents
 * ignored). `undefined` when it names none.
 *
 * @example
 * ```ts
 * findState('Cote d’Ivoire')?.alpha3 // 'CIV'
 * ```
 */
export function findState(input: string): StateCodes | undefined {
  const t = load();
  return t.byCode.get(input.trim().toUpperCase()) ?? t.byName.get(fold(input));
}

/**
 * Why a code is not a State here, when there is a reason worth saying (a user-assigned or reserved code), else
 * `undefined`.
 *
 * @example
 * ```ts
 * whyNotState('EU') // '"EU" is exceptionally reserved in ISO 3166-1 (European Union), not an assigned State code'
 * ```
 */
export function whyNotState(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  if (code === 'XK' || code === 'XKX' || code === 'XKK') {
    return `"${input}" is a user-assigned code (used by some for Kosovo), not an ISO 3166-1 code`;
  }
  if (/^(?:AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(code) || /^(?:AA[A-Z]|Q[M-Z][A-Z]|X[A-Z]{2}|ZZ[A-Z])$/.test(code)) {
    return `"${input}" is in a user-assigned range of ISO 3166-1, not a State's code`;
  }
  const reserved = iso31661Reserved.find((r) => r.alpha2 === code);
  if (reserved) return `"${input}" is ${reserved.state.replace('-', ' ')} in ISO 3166-1 (${reserved.name}), not an assigned State code`;
  return undefined;
}

/**
 * The States nearest an unknown input, best first, each with the code to show: a code is answered with codes of the
 * same length (`FRX` → `FRA`), a name with alpha-2 codes.
 */
function nearestStates(input: string, limit: number): { code: string; state: StateCodes }[] {
  const t = load();
  const value = input.trim();
  if (/^[A-Za-z]{2,3}$/.test(value)) {
    // A code is answered with codes of the same length: FRX → FRA (France).
    const three = value.length === 3;
    const codes = t.list.map((s) => (three ? s.alpha3 : s.alpha2));
    return closest(value.toUpperCase(), codes, limit, 1).map((code) => ({ code, state: t.byCode.get(code)! }));
  }
  const names = new Map(t.list.map((s) => [s.name, s] as const));
  const folded = fold(value);
  const starts = t.list.filter((s) => fold(s.name).startsWith(folded) || fold(s.name).includes(`-${folded}`));
  const near = closest(value, names.keys(), limit).map((n) => names.get(n)!);
  return [...new Set([...starts, ...near])].slice(0, limit).map((state) => ({ code: state.alpha2, state }));
}

/**
 * Why an input is not a State, for an error message: a reserved or user-assigned code is explained, anything else
 * gets the nearest codes. `expected` says what was asked for (e.g. "an ISO 3166-1 code or name").
 *
 * @example
 * ```ts
 * stateProblem('Germnay', 'an ISO 3166-1 code or name')
 * // { message: '"Germnay" is not an ISO 3166-1 code or name; did you mean DE (Germany)?', suggestions: ['DE'] }
 * ```
 */
export function stateProblem(input: string, expected: string): { message: string; suggestions: string[] } {
  const why = whyNotState(input);
  const near = why ? [] : nearestStates(input, 3);
  const hint = near.length > 0 ? `; did you mean ${near[0]!.code} (${near[0]!.state.name})?` : '';
  return { message: `${why ?? `"${input}" is not ${expected}`}${hint}`, suggestions: near.map((n) => n.code) };
}
