/**
 * `--endpoint URL` of the query commands: the same question asked of a SPARQL 1.1 store the graph was published to
 * (`untoc-kg publish`), with credentials from the environment or a credentials file, never from the command line.
 *
 * @module
 */
import { readCredentials } from '../remote/client.js';
import { remoteGraph, type RemoteGraph } from '../remote/graph.js';

/** The store at `endpoint`, with the credentials UNTOC_KG_ENDPOINT_USER/PASSWORD or UNTOC_KG_ENDPOINT_CREDENTIALS give. */
export async function remoteOf(endpoint: string): Promise<RemoteGraph> {
  const credentials = await readCredentials(process.env);
  return remoteGraph(endpoint, credentials ? { credentials } : {});
}
