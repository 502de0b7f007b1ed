/**
 * `npm run bench [-- SUITE…]`: runs the benchmark suites against the built package and prints one JSON document.
 * Tests never time anything; this is where speed is measured, side by side with the peers a user would pick instead.
 */
export {};
const SUITES: Record<string, () => Promise<{ run: () => Promise<unknown> }>> = {
  citations: () => import('./citations.js'),
  queries: () => import('./queries.js'),
  directory: () => import('./directory.js'),
  exports: () => import('./exports.js'),
  scale: () => import('./scale.js'),
  import: () => import('./import.js'),
  text: () => import('./text.js'),
  stress: () => import('./stress.js'),
  bundle: () => import('./bundle.js'),
  explorer: () => import('./explorer.js'),
  remote: () => import('./remote.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
const results: Record<string, unknown> = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
};
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  process.stderr.write(`bench: ${name}…\n`);
  const suite = await SUITES[name]!();
  results[name] = await suite.run();
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);

export {};
