/**
 * Citation benchmark: the median time to parse one citation, and to parse and resolve it against the bundled graph,
 * over a mix of the forms the library reads, `RUNS` runs with their minimum and median. Target (issue 14): parse and
 * resolve within 2 µs (median). `by_form` breaks the last run down per input (parse and resolve, µs per call), to
 * show which forms cost what; the target is read from the mix, not from the breakdown.
 */
import { loadCore, parseCitation, resolveCitation } from '../dist/index.js';
import { measure, RUNS, runsOf, target } from './harness.js';

const INPUTS = [
  'art. 27 para. 1(e)',
  'article 27, paragraph 1 (e)',
  'Article 27(1)(e)',
  'Art. 27.1.e',
  'SOM Protocol art. 8(6)',
  'Smuggling of Migrants Protocol, article 8, paragraph 6',
  'art. 5(1)(a)(ii)',
  'art. 2 (i)',
  'arts. 7–9 of the Protocol',
  'art. 27 para. 1(a)–(f)',
  'art_27__para_1__point_e',
];

export async function run() {
  const kg = loadCore();
  const parse: number[] = [];
  const resolve: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let i = 0;
    parse.push(measure(() => parseCitation(INPUTS[i++ % INPUTS.length]!), { samples: 11 }).median_us);
    i = 0;
    resolve.push(measure(() => resolveCitation(kg, INPUTS[i++ % INPUTS.length]!), { samples: 11 }).median_us);
  }
  const byForm = Object.fromEntries(
    INPUTS.map((input) => [
      input,
      {
        parse_us: measure(() => parseCitation(input), { samples: 5, warmupMs: 20 }).median_us,
        parse_and_resolve_us: measure(() => resolveCitation(kg, input), { samples: 5, warmupMs: 20 }).median_us,
      },
    ]),
  );
  const resolved = runsOf(resolve);
  return {
    inputs: INPUTS.length,
    unit: 'µs per call (each run: the median of 11 samples over the inputs in turn)',
    parse_us: runsOf(parse),
    parse_and_resolve_us: resolved,
    by_form: byForm,
    targets: { parse_and_resolve_median_us: target(resolved.median, '<=', 2) },
  };
}
