/**
 * `untoc-kg explore [--port N] [--data FILE…]`: serves the explorer page (built into `dist/explorer/`) on 127.0.0.1
 * only, and the research corpora read from the files given as `corpus.json`, which the page loads into its graph.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize, sep } from 'node:path';
import { readCorpusLines } from '../../corpus/read.js';
import { UntocKgError } from '../../errors.js';
import type { Corpus } from '../../model/corpus.js';
import { packageRoot } from '../../node/package.js';
import { commandCore } from '../core.js';
import { parse } from '../args.js';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';

const usage = `Usage: untoc-kg explore [--port N] [--data FILE…]

Serves the explorer, a page that asks, browses, searches and draws the graph in your browser, at
http://127.0.0.1:PORT/ (this machine only) until you stop it with Ctrl+C. The page is also plain files in
dist/explorer/ that any static server can serve.

  --port    the port (default: a free one); the address is printed on stdout
  --data    research corpora (JSON Lines) to load; the page then shows coverage by State and the documents`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A corpus id from a file name, for files that have no `corpus` record (`cases 2024.jsonl` → `cases-2024`). */
function idOf(file: string): string {
  return basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'corpus';
}

/** Reads the corpora, each file in turn; a bad file stops the command before anything is served. */
async function readCorpora(files: readonly string[]): Promise<Corpus[]> {
  const kg = commandCore();
  const corpora: Corpus[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UntocKgError('data_unreadable', 'explore', `cannot read the corpus file "${file.slice(0, 80)}": ${(error as Error).message}`, { value: file }, { cause: error });
    }
    const { corpus } = readCorpusLines(kg, text, { name: file, id: idOf(file) });
    if (corpora.some((c) => c.id === corpus.id)) throw new UntocKgError('invalid_input', 'explore', `two corpora have the id "${corpus.id}"; give each file its own name or corpus id`, { value: corpus.id });
    corpora.push(corpus);
  }
  return corpora;
}

/** Answers one request: a file of the page, or the corpora as `corpus.json`. */
async function answer(root: string, corpusJson: string | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const send = (status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    send(400, 'text/plain; charset=utf-8', 'bad request');
    return;
  }
  if (path === '/corpus.json') {
    if (corpusJson === undefined) send(404, 'text/plain; charset=utf-8', 'no corpus loaded (start untoc-kg explore with --data FILE)');
    else send(200, TYPES['.json']!, corpusJson);
    return;
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep) || !(extname(file) in TYPES)) {
    send(404, 'text/plain; charset=utf-8', 'not found');
    return;
  }
  try {
    send(200, TYPES[extname(file)]!, await readFile(file));
  } catch {
    send(404, 'text/plain; charset=utf-8', 'not found');
  }
}

export const command: Command = {
  summary: 'serve the explorer page (ask, browse, search, see the graph) on 127.0.0.1',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('explore', args, { port: { type: 'string' }, data: { type: 'string', multiple: true } });
    if (positionals.length > 0 && !values.data) throw new UsageError(`explore: unexpected argument "${positionals[0]!.slice(0, 80)}"; corpus files follow --data (see untoc-kg explore --help)`);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UntocKgError('invalid_input', 'explore', `--port takes a port number from 0 to 65535; got "${values.port!.slice(0, 80)}"`, { value: values.port });
    }
    const files = [...(values.data ?? []), ...positionals];
    const corpora = files.length > 0 ? await readCorpora(files) : [];
    const root = join(packageRoot(), 'dist', 'explorer');
    try {
      await readFile(join(root, 'index.html'));
    } catch {
      io.err(`untoc-kg: the explorer page is not built (no ${join(root, 'index.html')}); run npm run build`);
      return EXIT.failure;
    }
    const corpusJson = corpora.length > 0 ? JSON.stringify(corpora) : undefined;
    const server = createServer((request, response) => {
      answer(root, corpusJson, request, response).catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new UntocKgError('invalid_input', 'explore', `port ${port} is in use; pick another with --port, or leave it out for a free one`, { value: port }) : error),
      );
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
    io.out(url);
    io.err(`untoc-kg: serving the explorer at ${url}${corpora.length > 0 ? ` with ${corpora.length} corpus${corpora.length === 1 ? '' : 'es'}` : ''}; stop with Ctrl+C`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
