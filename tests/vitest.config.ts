import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { viteDataPlugin } from '../build/data-plugin.js';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [viteDataPlugin()],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // What was skipped and why, printed before the default reporter's summary (whose closing line CI reads).
    reporters: ['./tests/skip-reporter.ts', 'default'],
  },
});
