/**
 * The query commands ask one question and exit, so they build the index on demand (`loadCore`'s `'on-demand'`):
 * every `loadCore` call a command makes asks for that mode (observed by wrapping `loadCore`, not by timing), and the
 * answer is the one the eager index gives.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LoadCoreOptions } from '../../src/core.js';
import { runCli } from '../helpers/io.js';

const calls: (LoadCoreOptions | undefined)[] = [];

vi.mock('../../src/core.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core.js')>();
  return {
    ...actual,
    loadCore: (...args: Parameters<typeof actual.loadCore>) => {
      calls.push(args[1]);
      return actual.loadCore(...args);
    },
  };
});

afterEach(() => void (calls.length = 0));

describe('the query commands build the index on demand', () => {
  test.each([
    ['tools', 'art. 27 para. 1(e)', '--json'],
    ['cite', 'SOM Protocol art. 8(6)'],
    ['show', 'art. 27 para. 1(e)'],
    ['search', 'law enforcement'],
    ['addressed-by', 'legislative-guides'],
    ['authorities', '--provision', 'SOM art. 8(6)'],
  ])('untoc-kg %s', async (...args) => {
    const { code } = await runCli(...args);
    expect(code).toBe(0);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls).toEqual(calls.map(() => ({ index: 'on-demand' })));
  });

  test('the on-demand answer of `tools --json` is the eager index’s', async () => {
    const { loadCore } = await import('../../src/core.js');
    const { toolsAddressing } = await import('../../src/query/tools.js');
    const { out } = await runCli('tools', 'art. 27 para. 1(e)', '--json');
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(toolsAddressing(loadCore(), 'art. 27 para. 1(e)'))));
  });
});
