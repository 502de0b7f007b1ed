/**
 * The CLI's query commands are built as standalone files (`dist/commands/{name}.js`, no shared chunks) and the
 * dispatcher imports them as they are. This plugin, used by the dispatcher's build, leaves those imports alone
 * instead of bundling them. The commands named here must not import anything lazily: a standalone build would
 * inline it. Used by tsup only; not part of the package.
 *
 * @module
 */

/** The commands built standalone: the questions a user asks most, which load only the core. */
export const STANDALONE_COMMANDS = ['tools', 'addressed-by', 'search', 'path', 'cite'] as const;

/** The esbuild plugin that keeps `import('./commands/{name}.js')` of a standalone command as it is. */
export function standaloneCommands() {
  const filter = new RegExp(`^\\./commands/(?:${STANDALONE_COMMANDS.join('|')})\\.js$`);
  return {
    name: 'untoc-kg-standalone-commands',
    setup(build: { onResolve: (options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; external: boolean }) => void }) {
      build.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * The esbuild plugin of the standalone commands' build: the `--data` loader (`../load-data.js`, which brings zod and
 * the file readers) and the `--endpoint` client (`../endpoint.js`, which brings N3 and the corpus readers) stay files
 * of their own, built beside cli.js, instead of being inlined into every command.
 */
export function sharedLoader() {
  return {
    name: 'untoc-kg-shared-loader',
    setup(build: { onResolve: (options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; external: boolean }) => void }) {
      build.onResolve({ filter: /^\.\.\/(?:load-data|endpoint)\.js$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
}
