/**
 * `untoc-kg/remote`: the graph in a SPARQL 1.1 store. {@link publish} pushes every named graph of the export (same
 * IRIs), each replaced as a whole; {@link remoteGraph} asks the store the typed questions and returns the local
 * shapes. Only standard SPARQL 1.1 Query, Update and the Graph Store HTTP Protocol are used; Node 20 or later
 * (`fetch`, `node:crypto`).
 *
 * @packageDocumentation
 */
export { publish, publishQuads } from './publish.js';
export type { PublishOptions, PublishProgress, PublishResult } from './publish.js';
export { remoteGraph } from './graph.js';
export type { CoverageOptions, RemoteGraph, RemoteGraphOptions } from './graph.js';
export { readCredentials } from './client.js';
export type { Credentials } from './client.js';
