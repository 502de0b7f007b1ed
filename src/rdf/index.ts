/**
 * `untoc-kg/rdf`: linked-data and network exports, and imports. RDF (Turtle, TriG, N-Triples, N-Quads) and JSON-LD
 * (expanded, compacted, framed) with the named graphs and a VoID/DCAT description; graphology JSON, GEXF, GraphML and
 * CSV; and reading RDF back into a knowledge graph, checked against `ontology/shapes.ttl`. Every writer streams its
 * output in chunks; no JSON-LD processing touches the network. Runs in browsers too (no `node:` imports).
 *
 * @packageDocumentation
 */

// The quads of an export: named graphs and the metadata graph
export { exportQuads, exportDescription, selectGraphs } from './graphs.js';
export type { ExportQuadsOptions } from './graphs.js';
export { describeDataset } from './describe.js';
export { corpusQuads } from './corpus.js';
export type { DescriptionOptions } from './describe.js';
export { ontologyQuads, shapesQuads, jsonldContext, PACKAGE_VERSION } from './resources.js';
export type { JsonLdContext } from './resources.js';

// Writers
export { writeExport, EXPORT_FORMATS, isExportFormat } from '../export/formats.js';
export type { ExportFormat, ExportFormatInfo, ExportOptions } from '../export/formats.js';
export { writeRdf, rdfToString, RDF_MEDIA_TYPES } from '../export/rdf-text.js';
export { writeDatasetRdf, describeExport, exportGraphIris } from '../export/rdf-stream.js';
export type { DatasetRdfOptions } from '../export/rdf-stream.js';
export { writeDatasetJsonLd } from '../export/jsonld-stream.js';
export type { DatasetJsonLdOptions } from '../export/jsonld-stream.js';
export type { RdfFormat, RdfWriteOptions } from '../export/rdf-text.js';
export { writeJsonLd, toJsonLd, framedDocuments, ContextCompactor } from '../export/jsonld.js';
export type { FrameFocus, FramedDocument, JsonLdForm, JsonLdOptions } from '../export/jsonld.js';
export { writeGraphologyJson, writeGexf, writeGraphml } from '../export/network.js';
export type { NetworkWriteOptions } from '../export/network.js';
export { writeProvisionsCsv, writeLinksCsv, PROVISION_COLUMNS, LINK_COLUMNS } from '../export/csv.js';
export type { CsvWriteOptions } from '../export/csv.js';

// Reading and importing
export { parseRdf, formatOfFileName, READABLE_FORMATS } from '../import/read.js';
export type { ParseRdfOptions, ReadableFormat } from '../import/read.js';
export { importRdf, datasetFromQuads } from '../import/rdf.js';
export { corpusFromQuads } from '../import/corpus.js';
export type { CorpusFromQuadsOptions } from '../import/corpus.js';
export type { DatasetFromQuadsOptions, ImportRdfOptions } from '../import/rdf.js';
export { ShapesValidator } from '../import/shacl.js';
export type { ShapeViolation } from '../import/shacl.js';
export { staticDocumentLoader } from '../import/jsonld.js';
export type { DocumentLoader, RemoteDocument } from '../import/jsonld.js';

// Errors of the import
export { RdfConformanceError, formatRdfIssue, isRdfConformanceError } from '../errors.js';
export type { RdfIssue } from '../errors.js';
