/**
 * The instruments whose identifiers are part of the library's public contract (DESIGN.md §2), with the names people
 * use for them in citations. Pure data: no RDF, no graph, no zod, so the citation parser can use it in a browser and
 * on the CLI's fast path.
 *
 * @module
 */

/** The kind of an instrument. */
export type InstrumentKind = 'convention' | 'protocol' | 'model-law';

/** What the library knows about an instrument before any data file is read. */
export interface InstrumentEntry {
  /** Stable id, e.g. `untoc`. */
  readonly id: string;
  /** The IRI path after the base, e.g. `eli/un/convention/2000/untoc`. */
  readonly eli: string;
  readonly kind: InstrumentKind;
  /** The short form used in `short` citations, e.g. `UNTOC`, `SOM Protocol`. */
  readonly abbreviation: string;
  /** The full name used in `long` citations. */
  readonly name: string;
  /** The name used after "of the" in UN-style citations, e.g. `Smuggling of Migrants Protocol`. */
  readonly citeAs: string;
  /**
   * Names that designate this instrument in running text, matched case-insensitively as whole words. The longest
   * match wins, so "Protocol against the Smuggling of Migrants by Land, Sea and Air" beats "Protocol".
   */
  readonly names: readonly string[];
  /**
   * How article numbers look: `plain` (1, 2, … with an optional `bis`/`ter` suffix) or `lettered` (the Model Law's
   * 5.A … 5.I options).
   */
  readonly articleNumbers: 'plain' | 'lettered';
}

/** The instruments of DESIGN.md §2. Their ids and IRIs are a public contract. */
export const KNOWN_INSTRUMENTS = [
  {
    id: 'untoc',
    citeAs: 'Organized Crime Convention',
    eli: 'eli/un/convention/2000/untoc',
    kind: 'convention',
    abbreviation: 'UNTOC',
    name: 'United Nations Convention against Transnational Organized Crime',
    names: [
      'UNTOC',
      'Palermo Convention',
      'Organized Crime Convention',
      'Convention against Transnational Organized Crime',
      'United Nations Convention against Transnational Organized Crime',
    ],
    articleNumbers: 'plain',
  },
  {
    id: 'som-protocol',
    citeAs: 'Smuggling of Migrants Protocol',
    eli: 'eli/un/protocol/2000/som',
    kind: 'protocol',
    abbreviation: 'SOM Protocol',
    name: 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
    names: [
      'SOM Protocol',
      'SOM',
      'Smuggling of Migrants Protocol',
      'Migrants Protocol',
      'Migrant Smuggling Protocol',
      'Protocol against the Smuggling of Migrants',
      'Protocol against the Smuggling of Migrants by Land, Sea and Air',
    ],
    articleNumbers: 'plain',
  },
  {
    id: 'tip-protocol',
    citeAs: 'Trafficking in Persons Protocol',
    eli: 'eli/un/protocol/2000/tip',
    kind: 'protocol',
    abbreviation: 'TIP Protocol',
    name: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children',
    names: [
      'TIP Protocol',
      'TIP',
      'Trafficking in Persons Protocol',
      'Trafficking Protocol',
      'Protocol to Prevent, Suppress and Punish Trafficking in Persons',
      'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children',
    ],
    articleNumbers: 'plain',
  },
  {
    id: 'firearms-protocol',
    citeAs: 'Firearms Protocol',
    eli: 'eli/un/protocol/2001/firearms',
    kind: 'protocol',
    abbreviation: 'Firearms Protocol',
    name: 'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition',
    names: [
      'Firearms Protocol',
      'Protocol against the Illicit Manufacturing of and Trafficking in Firearms',
      'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition',
    ],
    articleNumbers: 'plain',
  },
  {
    id: 'drug-convention-1988',
    citeAs: '1988 Convention',
    eli: 'eli/un/convention/1988/drugs',
    kind: 'convention',
    abbreviation: '1988 Convention',
    name: 'United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances',
    names: [
      '1988 Convention',
      '1988 Drug Convention',
      'Vienna Convention of 1988',
      'Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances',
      'United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances',
    ],
    articleNumbers: 'plain',
  },
  {
    id: 'model-law',
    citeAs: 'Model Law',
    eli: 'eli/unodc/model-law/2010/som',
    kind: 'model-law',
    abbreviation: 'Model Law',
    name: 'Model Law against the Smuggling of Migrants',
    names: ['Model Law', 'Model Law against the Smuggling of Migrants', 'UNODC Model Law against the Smuggling of Migrants'],
    articleNumbers: 'lettered',
  },
] as const satisfies readonly InstrumentEntry[];

/** The id of one of the {@link KNOWN_INSTRUMENTS}. */
export type KnownInstrumentId = (typeof KNOWN_INSTRUMENTS)[number]['id'];

const byId = new Map<string, InstrumentEntry>(KNOWN_INSTRUMENTS.map((entry) => [entry.id, entry]));

/** The registry entry of a known instrument, or `undefined`. */
export function knownInstrument(id: string): InstrumentEntry | undefined {
  return byId.get(id);
}
