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

const WORD = /\p{L}+/gu;

/** The lower-cased words of a passage. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The language of a passage (a BCP 47 tag: `en`, `nl`, `fr`, `es`, `de`), judged from its commonest function words;
 * `und` when fewer than `minimum` of them are found.
 *
 * @param passage - the text, or its words (lower case).
 * @param minimum - how many function words must be found before a language is named (default 3).
 *
 * @example
 * ```ts
 * detectLanguage('De Staten die partij zijn, nemen de maatregelen die nodig zijn') // 'nl'
 * detectLanguage('Law enforcement cooperation', 3)                                 // 'und': too few words
 * ```
 */
export function detectLanguage(passage: string | readonly string[], minimum = 3): string {
  const words = typeof passage === 'string' ? wordsOf(passage) : passage;
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 'und';
  let bestScore = 0;
  let tie = false;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    let score = 0;
    for (const w of list) score += counts.get(w) ?? 0;
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
