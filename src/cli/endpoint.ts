/**
 * `--endpoint URL` of the query commands: the same question asked of a SPARQL 1.1 store the graph was published to
 * (`untoc-kg publish`), with credentials from the environment or a credentials file, never from the command line.
 *
 * @module
 */
import { readCredentials } from '../remote/client.js';
import { remoteGraph, type RemoteGraph } from '../remote/graph.js';
import { UsageError } from './io.js';

/** The store at `endpoint`, with the credentials UNTOC_KG_ENDPOINT_USER/PASSWORD or UNTOC_KG_ENDPOINT_CREDENTIALS give. */
export async function remoteOf(endpoint: string): Promise<RemoteGraph> {
  const credentials = await readCredentials(process.env);
  return remoteGraph(endpoint, credentials ? { credentials } : {});
}

/**
 * The store a corpus command (`documents`, `coverage`) asks with `--endpoint`: the corpora are the store's, so
 * `--data` and `--derive-citations` (which load corpora here) do not go with it.
 */
export async function storeOf(command: string, endpoint: string, data: readonly string[] | undefined, derive: boolean | undefined): Promise<RemoteGraph> {
  if (data !== undefined || derive) {
    throw new UsageError(`${command}: --endpoint asks the corpora published to the store; --data${derive ? ' and --derive-citations' : ''} load corpora here: give one or the other (publish with untoc-kg publish --data)`);
  }
  return remoteOf(endpoint);
}
