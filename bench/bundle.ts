/**
 * Bundle benchmark: what the core entry costs a browser page. esbuild bundles small programs against the built
 * package (`dist/`, what users install) for `platform: 'browser'`, minified, and reports each bundle's size, its
 * gzip size, its largest inputs, and whether it holds its target:
 *
 * - `parseCitation` alone: under 60 KB minified (the parser and its instrument names, nothing of the graph);
 * - `loadCore` + `toolsAddressing`: under 150 KB gzip (the curated dataset, the index and the query);
 * - the whole core entry, for scale, with how much of it is zod (none: zod is in `untoc-kg/data`).
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KB = 1000;

interface Case {
  readonly name: string;
  readonly code: string;
  readonly target?: { readonly measure: 'minified' | 'gzip'; readonly below_kb: number };
}

const CASES: readonly Case[] = [
  {
    name: 'parseCitation',
    code: "import { parseCitation } from './dist/index.js'; globalThis.out = parseCitation('art. 27 para. 1(e)');",
    target: { measure: 'minified', below_kb: 60 },
  },
  {
    name: 'loadCore+toolsAddressing',
    code: "import { loadCore, toolsAddressing } from './dist/index.js'; globalThis.out = toolsAddressing(loadCore(), 'art. 27 para. 1(e)');",
    target: { measure: 'gzip', below_kb: 150 },
  },
  { name: 'whole core entry', code: "import * as kg from './dist/index.js'; globalThis.out = kg;" },
];

/** The inputs that weigh most in a bundle, by package (or `dist` for the package itself), in KB. */
function heaviest(metafile: Metafile): Record<string, number> {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = match ? match[1]! : file.startsWith('dist/') ? 'untoc-kg (dist)' : file;
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return Object.fromEntries([...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => [k, Math.round(v / 100) / 10]));
}

/** Bundles one program for the browser and measures it. */
async function measureBundle(c: Case) {
  const result = await build({
    stdin: { contents: c.code, resolveDir: ROOT, loader: 'js', sourcefile: `${c.name}.js` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const bytes = result.outputFiles[0]!.contents;
  const minified = bytes.length;
  const gzip = gzipSync(bytes).length;
  const inputs = heaviest(result.metafile);
  const measured = c.target?.measure === 'gzip' ? gzip : minified;
  return {
    minified_kb: Math.round(minified / 100) / 10,
    gzip_kb: Math.round(gzip / 100) / 10,
    heaviest_kb: inputs,
    zod_kb: inputs['zod'] ?? 0,
    ...(c.target && { target: `${c.target.measure} < ${c.target.below_kb} KB`, holds: measured < c.target.below_kb * KB }),
  };
}

export async function run() {
  const out: Record<string, unknown> = {};
  for (const c of CASES) out[c.name] = await measureBundle(c);
  return out;
}
