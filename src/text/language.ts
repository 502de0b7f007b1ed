/**
 * Telling the language of a passage from its commonest words. Each list holds function words that are frequent in
 * treaty prose and rare in the other languages listed; words that two of them share (`in`, `of`, `de`, `en`, `die`)
 * are left out, so a short Dutch line with `of` ("or") is not taken for English.
 *
 * @module
 */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'to', 'shall', 'any', 'by', 'with', 'this', 'that', 'for', 'be', 'as', 'such', 'other', 'states', 'which', 'its', 'their', 'from', 'may', 'party', 'parties', 'on', 'or', 'are', 'an', 'it'],
  nl: ['het', 'van', 'een', 'te', 'zijn', 'worden', 'wordt', 'dat', 'voor', 'op', 'niet', 'met', 'door', 'aan', 'bij', 'tot', 'dit', 'deze', 'ook', 'naar', 'hun', 'staten', 'partij', 'overeenkomstig', 'verdrag', 'lid', 'onder', 'ter', 'ten', 'elke'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'sont', 'une', 'dans', 'pour', 'par', 'aux', 'au', 'qui', 'sur', 'présente', 'présent', 'ou', 'état', 'états'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'por', 'una', 'para', 'con', 'se', 'al', 'sus', 'estados', 'presente', 'o', 'su'],
  de: ['der', 'das', 'und', 'den', 'dem', 'des', 'ist', 'sind', 'von', 'zu', 'mit', 'nicht', 'eine', 'werden', 'für', 'vertragsstaaten', 'oder', 'auf', 'im'],
};

/** Every function word of every language, with the languages it counts for. */
const LANGUAGES_OF = new Map<string, string[]>();
for (const [language, list] of Object.entries(STOPWORDS)) {
  for (const word of list) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), language]);
}

/** Latin letters with those of Latin-1: every function word listed is spelled with them. */
const WORD = /[a-z\u00df-\u00f6\u00f8-\u00ff]+/g;

/**
 * Counts the function words of passages, to tell their language; cheaper than keeping their words.
 *
 * @example
 * ```ts
 * const counter = new LanguageCounter()
 * counter.add('De Staten die partij zijn')
 * counter.add('nemen de maatregelen die nodig zijn')
 * counter.language() // 'nl'
 * ```
 */
export class LanguageCounter {
  readonly #scores = new Map<string, number>();

  /** Counts the function words of a passage. */
  add(passage: string): void {
    const lower = passage.toLowerCase();
    WORD.lastIndex = 0;
    for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
      const languages = LANGUAGES_OF.get(m[0]);
      if (languages) for (const l of languages) this.#scores.set(l, (this.#scores.get(l) ?? 0) + 1);
    }
  }

  /** The language with the most function words; `und` below `minimum`, or on a tie. */
  language(minimum = 3): string {
    let best = 'und';
    let bestScore = 0;
    let tie = false;
    for (const language of Object.keys(STOPWORDS)) {
      const score = this.#scores.get(language) ?? 0;
      if (score > bestScore) {
        best = language;
        bestScore = score;
        tie = false;
      } else if (score === bestScore && score > 0) {
        tie = true;
      }
    }
    return bestScore >= minimum && !tie ? best : 'und';
  }
}

/**
 * The language of a passage (a BCP 47 tag: `en`, `nl`, `fr`, `es`, `de`), judged from its commonest function words;
 * `und` when fewer than `minimum` of them are found, or two languages have as many.
 *
 * @param passage - the text, or its words.
 * @param minimum - how many function words must be found before a language is named (default 3).
 *
 * @example
 * ```ts
 * detectLanguage('De Staten die partij zijn, nemen de maatregelen die nodig zijn') // 'nl'
 * detectLanguage('Law enforcement cooperation', 3)                                 // 'und': too few words
 * ```
 */
export function detectLanguage(passage: string | readonly string[], minimum = 3): string {
  const counter = new LanguageCounter();
  counter.add(typeof passage === 'string' ? passage : passage.join(' '));
  return counter.language(minimum);
}
