/**
 * authorities(kg, { state, category, provision }) and authoritiesFor(kg, id), on the curated graph (Germany's
 * designation under SOM Protocol art. 8(6), whatconvention-de) and on an imported example directory; and the
 * `untoc-kg authorities` command.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveCitation } from '../../src/citation/resolve.js';
import { loadCore } from '../../src/core.js';
import { importDirectory } from '../../src/directory/import.js';
import { isUntocKgError } from '../../src/errors.js';
import { authorities } from '../../src/query/authorities.js';
import { authoritiesFor } from '../../src/query/designations.js';
import { runCli } from '../helpers/io.js';
import { ROOT } from '../helpers/paths.js';

const kg = loadCore();
const BSH = 'Bundesamt für Seeschifffahrt und Hydrographie';
/** Latvia's law approving the Protocol names two ministries as its art. 8(6) authority (sources-2.md §6). */
const LATVIA = ['Ministry of the Interior', 'Ministry of Transport'];
const ALL = [BSH, ...LATVIA];
const id = (citation: string) => resolveCitation(kg, citation).targets[0]!.id;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return isUntocKgError(error) ? { code: error.code, suggestions: error.suggestions, message: error.message } : error;
  }
  return undefined;
};

describe('the curated designation (domain.md §2.5)', () => {
  test('authorities(kg, { provision: "SOM art. 8(6)" }) gives the BSH, Hamburg, and Latvia\'s two ministries, each with its source', () => {
    const result = authorities(kg, { provision: 'SOM art. 8(6)' });
    expect(result.discrepancies).toEqual([]);
    expect(result.authorities.map((a) => [a.name, a.state.alpha3, a.source.id])).toEqual([
      [BSH, 'DEU', 'whatconvention-de'],
      [LATVIA[0], 'LVA', 'latvia-som-law'],
      [LATVIA[1], 'LVA', 'latvia-som-law'],
    ]);
    const [bsh] = result.authorities;
    expect(bsh).toMatchObject({
      id: 'https://w3id.org/untoc-kg/cna/deu/bsh',
      name: BSH,
      state: { alpha2: 'DE', alpha3: 'DEU', name: 'Germany' },
      match: 'exact',
      contact: { city: 'Hamburg', languages: [] },
      source: { id: 'whatconvention-de', url: 'https://whatconvention.org/es/ratifications/311' },
      snapshot: { id: 'confirmed-designations', example: false },
    });
    expect(bsh!.provisions).toEqual([{ id: id('SOM Protocol art. 8(6)'), citation: 'SOM Protocol art. 8(6)', inferred: false }]);
    expect(bsh!.categories).toEqual([expect.objectContaining({ id: 'smuggling-of-migrants-by-sea', inferred: true })]);
    // Only what the source confirms: no contact details are invented.
    expect(Object.keys(bsh!.contact).sort()).toEqual(['city', 'languages']);
  });

  test('the seed\'s "article 8, paragraph 5" leads to the art. 8(6) authorities, with the discrepancy explained', () => {
    const result = authorities(kg, { provision: 'Smuggling of Migrants Protocol, article 8, paragraph 5' });
    expect(result.authorities.map((a) => [a.name, a.match])).toEqual(ALL.map((name) => [name, 'corrected']));
    expect(result.discrepancies).toEqual([
      expect.objectContaining({
        role: 'claimed',
        claimed: expect.objectContaining({ iri: id('SOM art. 8(5)'), citation: 'SOM Protocol art. 8(5)' }),
        accepted: expect.objectContaining({ iri: id('SOM art. 8(6)'), citation: 'SOM Protocol art. 8(6)' }),
        evidence: expect.objectContaining({ source: 'seed' }),
        subject: expect.objectContaining({ iri: 'https://w3id.org/untoc-kg/tool/cna-directory' }),
      }),
    ]);
    expect(result.discrepancies[0]!.explanation).toMatch(/paragraph 6/);
  });

  test('a provision that encloses the clause matches as narrower', () => {
    expect(authorities(kg, { provision: 'SOM Protocol art. 8' }).authorities.map((a) => a.match)).toEqual(['narrower', 'narrower', 'narrower']);
    expect(authorities(kg, { provision: 'SOM Protocol' }).authorities).toHaveLength(3);
    expect(authorities(kg, { provision: 'SOM Protocol' }).authorities[0]).toMatchObject({ match: 'narrower', name: 'Bundesamt für Seeschifffahrt und Hydrographie' });
  });

  test('a State as alpha-2, alpha-3 or name; a category as id, alias or label', () => {
    for (const state of ['DE', 'deu', 'Germany']) expect(authorities(kg, { state }).authorities.map((a) => a.name)).toEqual([BSH]);
    for (const category of ['smuggling-of-migrants-by-sea', 'smuggling-by-sea', 'Smuggling of migrants by sea']) {
      expect(authorities(kg, { category }).authorities.map((a) => a.name)).toEqual(ALL);
    }
    for (const state of ['LV', 'lva', 'Latvia']) expect(authorities(kg, { state }).authorities.map((a) => a.name)).toEqual(LATVIA);
    expect(authorities(kg, { state: 'FR' }).authorities).toEqual([]);
    expect(authorities(kg, { state: 'DE', category: 'extradition' }).authorities).toEqual([]);
  });

  test('authoritiesFor(kg, id): exact by default, narrower on request', () => {
    expect(authoritiesFor(kg, id('SOM art. 8(6)')).map((a) => a.name)).toEqual(ALL);
    expect(authoritiesFor(kg, id('SOM art. 8'))).toEqual([]);
    expect(authoritiesFor(kg, id('SOM art. 8'), { narrower: true }).map((a) => a.name)).toEqual(ALL);
    expect(authoritiesFor(kg, id('SOM art. 8(5)'))).toEqual([]);
  });

  test('authoritiesFor takes a citation as well as an id', () => {
    expect(authoritiesFor(kg, 'SOM art. 8(6)')).toEqual(authoritiesFor(kg, id('SOM art. 8(6)')));
    expect(authoritiesFor(kg, 'art. 8(6)', { context: { instrument: 'som-protocol' }, narrower: true }).map((a) => a.name)).toEqual(ALL);
    expect((codeOf(() => authoritiesFor(kg, 'SOM art. 99')) as { code: string }).code).toBe('unknown_provision');
  });
});

describe('bad input: typed errors with the nearest valid value', () => {
  test.each([
    [{ state: 'Germnay' }, 'unknown_state', 'DE'],
    [{ state: 'DEX' }, 'unknown_state', 'DEU'],
    [{ state: 'XK' }, 'unknown_state', undefined],
    [{ category: 'smugling-by-sea' }, 'unknown_category', 'smuggling-of-migrants-by-sea'],
    [{ provision: 'SOM art. 8(9)' }, 'unknown_provision', 'SOM Protocol art. 8(7)'],
  ])('%o → %s', (filter, code, suggestion) => {
    const error = codeOf(() => authorities(kg, filter)) as { code: string; suggestions: string[] };
    expect(error.code).toBe(code);
    if (suggestion) expect(error.suggestions[0]).toBe(suggestion);
  });
});

describe('categories whose basis is not a designation clause say so', () => {
  test('the extradition category and UNTOC art. 16', () => {
    expect(authorities(kg, { category: 'extradition' }).notes).toEqual([expect.stringMatching(/rests on no designation clause/)]);
    expect(authorities(kg, { provision: 'UNTOC art. 16' }).notes).toEqual([expect.stringMatching(/^UNTOC art\. 16 has no designation clause; .* extradition/)]);
    expect(authorities(kg, { category: 'cultural-property' }).notes[0]).toMatch(/68\/186/);
    expect(authorities(kg, { category: 'firearms' }).notes).toEqual([expect.stringMatching(/^What the category firearms rests on is not confirmed: .*13\(2\)/)]);
  });
});

describe('with an imported directory', () => {
  const imported = importDirectory(readFileSync(join(ROOT, 'data', 'examples', 'example-directory.csv'), 'utf8'), { asOf: '2000-01-01', example: true });
  const kg2 = loadCore(imported.dataset);

  test('snapshots are kept apart and example data is flagged', () => {
    const result = authorities(kg2, { provision: 'SOM art. 8(6)' });
    expect(result.authorities.map((a) => [a.name, a.snapshot.id, a.snapshot.example])).toEqual([
      [BSH, 'confirmed-designations', false],
      ['Example Maritime Authority (example data)', '2000-01-01', true],
      ...LATVIA.map((name) => [name, 'confirmed-designations', false]),
    ]);
  });

  test('an inferred designation is marked, and found by its provision', () => {
    const [drugs] = authorities(kg2, { provision: '1988 Convention art. 17(7)' }).authorities;
    expect(drugs!.provisions).toEqual([expect.objectContaining({ citation: '1988 Convention art. 17(7)', inferred: true })]);
  });
});

describe('untoc-kg authorities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-cna-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('--provision "SOM art. 8(6)": one line per authority on stdout, exit 0', async () => {
    const result = await runCli('authorities', '--provision', 'SOM art. 8(6)');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `DE  ${BSH} (Hamburg) — smuggling-of-migrants-by-sea — SOM Protocol art. 8(6) — source: whatconvention-de\n` +
        LATVIA.map((name) => `LV  ${name} — smuggling-of-migrants-by-sea — SOM Protocol art. 8(6) — source: latvia-som-law\n`).join(''),
    );
    expect(result.err).toMatch(/3 authorities/);
  });

  test('--provision "SOM art. 8(5)": the same authority, and the discrepancy on stderr', async () => {
    const result = await runCli('authorities', '--provision', 'SOM art. 8(5)');
    expect(result.out).toContain(BSH);
    expect(result.err).toMatch(/note: source "seed" cites SOM Protocol art\. 8\(5\), but the graph asserts SOM Protocol art\. 8\(6\)/);
  });

  test('--state DE --category smuggling-by-sea --json', async () => {
    const result = await runCli('authorities', '--state', 'DE', '--category', 'smuggling-by-sea', '--json');
    const json = JSON.parse(result.out) as { filter: unknown; authorities: { name: string }[] };
    expect(json.filter).toEqual({ state: { alpha2: 'DE', alpha3: 'DEU', name: 'Germany' }, category: { id: 'smuggling-of-migrants-by-sea', label: 'Smuggling of migrants by sea' } });
    expect(json.authorities.map((a) => a.name)).toEqual([BSH]);
  });

  test('an unknown State: one line with the suggestion, exit 2', async () => {
    const result = await runCli('authorities', '--state', 'Germnay');
    expect(result.code).toBe(2);
    expect(result.err).toBe('untoc-kg: authorities: "Germnay" is not an ISO 3166-1 code or name; did you mean DE (Germany)? [unknown_state]\n');
  });

  test('--add FILE adds a directory file first', async () => {
    const result = await runCli('authorities', '--add', join(ROOT, 'data', 'examples', 'example-directory.json'), '--state', 'FR');
    expect(result.out).toMatch(/^FR {2}Example Central Authority for Mutual Legal Assistance \(example data\) — mutual-legal-assistance — UNTOC art\. 18\(13\) — source: example-source \[example data\]\n$/);
  });

  test('import FILE: a summary; --out writes a data file that validate accepts', async () => {
    const out = join(dir, 'snapshot.json');
    const result = await runCli('authorities', 'import', join(ROOT, 'data', 'examples', 'example-directory.csv'), '--as-of', '2000-01-01', '--example', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/5 of 5 authorities imported as the snapshot 2000-01-01 .*5 States, 5 categories; example data/);
    expect((await runCli('validate', out)).code).toBe(0);
  });

  test('import FILE with bad rows: each on stdout with row and column, exit 2; --json lists them', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '\uFEFFname,state,categories\r\nA (example data),DE,prevention\r\nB (example data),DX,prevention\r\n,DE,prevention\r\n');
    const text = await runCli('authorities', 'import', file, '--as-of', '2000-01-01');
    expect(text.code).toBe(2);
    expect(text.out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/bad\.csv row 3, column "state": "DX" is not an ISO 3166-1 alpha-2 or alpha-3 code; did you mean .*\[invalid_state\]$/),
      expect.stringMatching(/bad\.csv row 4, column "name": name is missing or empty \[missing_value\]$/),
    ]);
    expect(text.err).toMatch(/nothing was imported/);
    const kept = await runCli('authorities', 'import', file, '--as-of', '2000-01-01', '--keep-good-rows', '--json');
    expect(kept.code).toBe(2);
    expect(JSON.parse(kept.out)).toMatchObject({ imported: 1, rows: 3, errors: [{ row: 3, column: 'state', code: 'invalid_state' }, { row: 4, column: 'name', code: 'missing_value' }] });
  });
});
