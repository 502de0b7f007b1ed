/**
 * Citation benchmark: the median time to parse one citation, and to parse and resolve it against the bundled graph,
 * over a mix of the forms the library reads. Target: a few microseconds.
 */
import { loadCore, parseCitation, resolveCitation } from '../dist/index.js';
import { measure } from './harness.js';

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
  let i = 0;
  const parse = measure(() => parseCitation(INPUTS[i++ % INPUTS.length]!));
  i = 0;
  const resolve = measure(() => resolveCitation(kg, INPUTS[i++ % INPUTS.length]!));
  return { inputs: INPUTS.length, parse, parse_and_resolve: resolve, target_us: 'a few microseconds' };
}
