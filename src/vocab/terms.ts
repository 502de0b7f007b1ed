/**
 * Every RDF term the library writes: this project's own (`ukg:`, declared in `ontology/untoc-kg.ttl`) and the few
 * external terms it reuses. The same prefix map feeds the Turtle writer and the JSON-LD context, so prefixes cannot
 * drift.
 *
 * @module
 */
import { namespace } from './namespace.js';

/** The project's ontology namespace. */
export const UKG = namespace('https://w3id.org/untoc-kg/ontology#', [
  // classes
  'Instrument',
  'Provision',
  'Tool',
  'ToolPart',
  'Link',
  'Source',
  'CountClaim',
  'IssuePaper',
  'ModelLaw',
  'TrainingManual',
  'FrameworkForAction',
  'LegislativeGuide',
  'AssessmentGuide',
  'Directory',
  // subdivision types (instances of eli:SubdivisionType)
  'Chapter',
  'Article',
  'Paragraph',
  'Subparagraph',
  'Item',
  'Subitem',
  // relations
  'addresses',
  'supplements',
  'modelProvisionFor',
  // provenance of links
  'basis',
  'locator',
  'status',
  'correction',
  'discrepancy',
  // structure and facts
  'completeness',
  'partial',
  'group',
  'untcChapter',
  'untsReference',
  'registration',
  'documentSymbol',
  'jobNumber',
  'pageCount',
  'pages',
  'paragraphs',
  'edition',
  'reportedCount',
  'qualifier',
  'asOf',
  // the directory of competent national authorities, States and participation
  'CompetentAuthority',
  'State',
  'DirectorySnapshot',
  'Participation',
  'designatedUnder',
  'designationInferred',
  'category',
  'categoryInferred',
  'state',
  'listedIn',
  'designationBasis',
  'designationClause',
  'relatedProvision',
  'inferDesignation',
  'designationSource',
  'designationLocator',
  'city',
  'postalAddress',
  'telephone',
  'acceptedLanguage',
  'officeHours',
  'timeZone',
  'urgentViaInterpol',
  'example',
  'alpha2',
  'alpha3',
  'inInstrument',
  'signatureDate',
  'consentType',
  'consentDate',
  // wording attached from treaty texts
  'wording',
  'preamble',
  'wordingSource',
  // research corpora: national legislation, its sections, court cases and their links
  'Corpus',
  'Legislation',
  'Section',
  'CourtCase',
  'Charge',
  'applies',
  'court',
  'crimeType',
  'legalSystem',
  'crossCuttingIssue',
  'charge',
  'chargedUnder',
  'verdict',
  'sentence',
  'foundInText',
] as const);

export const RDF = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#', ['type', 'Statement', 'subject', 'predicate', 'object', 'value', 'first', 'rest', 'nil', 'langString'] as const);
export const RDFS = namespace('http://www.w3.org/2000/01/rdf-schema#', ['label', 'comment', 'seeAlso', 'subClassOf'] as const);
export const XSD = namespace('http://www.w3.org/2001/XMLSchema#', ['date', 'gYear', 'integer', 'boolean', 'string', 'double'] as const);
export const ELI = namespace('http://data.europa.eu/eli/ontology#', [
  'LegalResource',
  'LegalResourceSubdivision',
  'is_part_of',
  'has_part',
  'number',
  'type_subdivision',
  'cites',
  'date_document',
  'first_date_entry_in_force',
  'implements',
  'jurisdiction',
  'id_local',
  'title',
] as const);
export const DCTERMS = namespace('http://purl.org/dc/terms/', [
  'title',
  'alternative',
  'identifier',
  'isPartOf',
  'hasPart',
  'subject',
  'issued',
  'publisher',
  'abstract',
  'description',
  'date',
  'modified',
  'license',
  'conformsTo',
  'language',
  'bibliographicCitation',
] as const);
export const SKOS = namespace('http://www.w3.org/2004/02/skos/core#', [
  'Concept',
  'ConceptScheme',
  'prefLabel',
  'altLabel',
  'notation',
  'inScheme',
  'broader',
  'narrower',
  'topConceptOf',
  'hasTopConcept',
  'definition',
  'editorialNote',
  'note',
] as const);
export const PROV = namespace('http://www.w3.org/ns/prov#', ['Entity', 'wasDerivedFrom'] as const);
/** The Bibliographic Ontology: its class of documents of a legal case, which court cases are aligned with. */
export const BIBO = namespace('http://purl.org/ontology/bibo/', ['LegalCaseDocument'] as const);
export const ORG = namespace('http://www.w3.org/ns/org#', ['Organization'] as const);
export const VCARD = namespace('http://www.w3.org/2006/vcard/ns#', ['hasEmail', 'hasURL'] as const);
export const OWL = namespace('http://www.w3.org/2002/07/owl#', ['Ontology', 'versionInfo'] as const);
/** VoID, for the dataset description of the exports. */
export const VOID = namespace('http://rdfs.org/ns/void#', [
  'Dataset',
  'triples',
  'distinctSubjects',
  'properties',
  'classes',
  'subset',
  'uriSpace',
  'vocabulary',
] as const);
/** DCAT, for the dataset description of the exports. */
export const DCAT = namespace('http://www.w3.org/ns/dcat#', ['Dataset', 'version'] as const);
/** SPARQL 1.1 Service Description: names the graphs of the dataset description. */
export const SD = namespace('http://www.w3.org/ns/sparql-service-description#', ['NamedGraph', 'name'] as const);
/** The SHACL Core terms the import's validator reads from `ontology/shapes.ttl`. */
export const SH = namespace('http://www.w3.org/ns/shacl#', [
  'NodeShape',
  'targetClass',
  'targetSubjectsOf',
  'targetObjectsOf',
  'targetNode',
  'property',
  'path',
  'minCount',
  'maxCount',
  'uniqueLang',
  'datatype',
  'nodeKind',
  'pattern',
  'flags',
  'in',
  'hasValue',
  'class',
  'or',
  'and',
  'not',
  'IRI',
  'BlankNode',
  'Literal',
  'BlankNodeOrIRI',
  'IRIOrLiteral',
  'BlankNodeOrLiteral',
  'message',
  'deactivated',
  'severity',
  'name',
  'description',
] as const);

/** The prefixes of the Turtle output and the JSON-LD context. */
export const PREFIXES = {
  ukg: UKG.$iri,
  eli: ELI.$iri,
  dcterms: DCTERMS.$iri,
  skos: SKOS.$iri,
  prov: PROV.$iri,
  rdf: RDF.$iri,
  rdfs: RDFS.$iri,
  xsd: XSD.$iri,
  cito: 'http://purl.org/spar/cito/',
  bibo: BIBO.$iri,
  org: ORG.$iri,
  vcard: VCARD.$iri,
  owl: 'http://www.w3.org/2002/07/owl#',
  sh: 'http://www.w3.org/ns/shacl#',
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
} as const;
