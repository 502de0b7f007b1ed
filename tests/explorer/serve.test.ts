/**
 * `untoc-kg explore` (issue 16): what it serves (the page's files and the corpora as `corpus.json`, on 127.0.0.1
 * only, nothing outside the page's folder), and the typed errors of bad options and corpus files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { exampleLines } from '../corpus/helpers.js';
import { runCli } from '../helpers/io.js';
import { CLI } from '../helpers/paths.js';
import { PAGE, startExplorer } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const built = existsSync(CLI) && existsSync(PAGE);

describe('bad input is a usage error with a stable code, before anything is served', () => {
  test.each([
    ['a port that is not a number', ['--port', 'eighty'], 'invalid_input'],
    ['a port out of range', ['--port', '70000'], 'invalid_input'],
    ['a corpus file that is not there', ['--data', join(dir, 'missing.jsonl')], 'data_unreadable'],
    ['a corpus with a bad record', ['--data', 'BAD'], 'corpus_invalid'],
  ])('%s', async (_name, args, code) => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"type":"legislation","id":"EXAMPLE-x","state":"ZZ","title":"Example (example)"}\n');
    const { code: exit, err } = await runCli('explore', ...args.map((a) => (a === 'BAD' ? file : a)));
    expect(exit).toBe(2);
    expect(err).toContain(`[${code}]`);
  });

  test('a file name without --data is a usage error', async () => {
    const { code, err } = await runCli('explore', 'corpus.jsonl');
    expect(code).toBe(2);
    expect(err).toContain('--data');
  });

  test('the command is listed in the help', async () => {
    const { out } = await runCli('--help');
    expect(out).toMatch(/^ {2}explore /m);
  });
});

describe.skipIf(!built)('the server', () => {
  test('serves the page and the corpora on 127.0.0.1, and nothing outside the page\'s folder', async () => {
    const file = join(dir, 'example.jsonl');
    writeFileSync(file, exampleLines());
    const explorer = await startExplorer(['--data', file]);
    try {
      expect(explorer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(explorer.url);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<script type="module" src="main.js">');
      const script = await fetch(`${explorer.url}main.js`);
      expect(script.headers.get('content-type')).toContain('text/javascript');
      const corpora = (await (await fetch(`${explorer.url}corpus.json`)).json()) as { id: string; legislation: unknown[] }[];
      expect(corpora.map((c) => c.id)).toEqual(['example']);
      expect(corpora[0]!.legislation).toHaveLength(2);
      for (const path of ['..%2fpackage.json', '%2e%2e/%2e%2e/package.json', 'nothing.js']) expect((await fetch(`${explorer.url}${path}`)).status).toBe(404);
      expect((await fetch(`${explorer.url}%E0%A4%A`)).status).toBe(400);
      expect((await fetch(explorer.url, { method: 'POST' })).status).toBe(405);
    } finally {
      await explorer.stop();
    }
  });

  test('without --data there is no corpus.json, as behind a plain static server', async () => {
    const explorer = await startExplorer();
    try {
      expect((await fetch(`${explorer.url}corpus.json`)).status).toBe(404);
    } finally {
      await explorer.stop();
    }
  });

  test('a port in use is a usage error', async () => {
    const explorer = await startExplorer();
    try {
      const port = new URL(explorer.url).port;
      const child = spawn(process.execPath, [CLI, 'explore', '--port', port], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(err).toContain('[invalid_input]');
    } finally {
      await explorer.stop();
    }
  });
});
