/**
 * Treaty text benchmark: the median time to read the UNTOC corpus file (English and Dutch, about 1,300 lines) with
 * parseTreatyText, from a string and from its bytes, and to check it against the graph and attach its wording. The
 * corpus lives beside the project (../shared/corpus); without it the suite reports why it did not run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { attachText, checkText, loadGraph, parseTreatyText } from '../dist/index.js';
import { measure } from './harness.js';

const FILE = fileURLToPath(new URL('../../shared/corpus/treaties/untoc.md', import.meta.url));

export async function run() {
  if (!existsSync(FILE)) return { skipped: `the treaty corpus was not found at ${FILE}` };
  const bytes = readFileSync(FILE);
  const text = bytes.toString('utf8');
  const kg = loadGraph();
  const parsed = parseTreatyText(text, { instrument: 'untoc' });
  return {
    file: FILE,
    lines: text.split('\n').length,
    languages: parsed.languages,
    parse_string: measure(() => parseTreatyText(text, { instrument: 'untoc' }), { samples: 21 }),
    parse_bytes: measure(() => parseTreatyText(bytes, { instrument: 'untoc' }), { samples: 21 }),
    check: measure(() => checkText(kg, parsed), { samples: 21 }),
    attach: measure(() => attachText(kg, parsed), { samples: 21 }),
  };
}
