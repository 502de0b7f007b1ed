/**
 * JSON-LD (expanded or compacted) written from the dataset's records: the emitters send each triple to a sink that
 * keeps it as two term ids (predicate, object) under its graph and subject, with each term made once, its JSON text
 * included (no quad, no node object, no second pass to group, no VoID statistics over term strings). Since it keeps
 * every quad anyway, it drops duplicates within each node and counts the VoID figures from its nodes once the data
 * has been emitted, instead of hashing every triple as the streamed RDF writers must (with a selection of graphs,
 * whose other graphs it does not keep, it counts as they do); the metadata graph is added last.
 *
 * Each node's text is then written straight from the ids: the key and form of a predicate's values are decided
 * once per predicate and object shape ({@link ContextCompactor.property}), each term's JSON text (and its value
 * object, and its compacted type) once per term, and a node's text is concatenated from them; no node object is
 * built and nothing passes through `JSON.stringify` but single strings and value objects. The emitters send a
 * graph's triples (and a subject's) at different times (a link in its tool's graph after every tool; a parent's
 * `hasPart` with each child; the figures of the metadata graph only at the end), and the document lists each graph's
 * nodes in the order their subjects first came, each with all its values: no node can be written before the data
 * has been emitted without changing the text. So the ids of the whole document (12 bytes a quad, 12 a node, besides
 * the terms) are held until then; each graph is dropped once its nodes' texts are written.
 *
 * @module
 */
import type { Term } from '@rdfjs/types';
import type { Dataset } from '../model/dataset.js';
import { graphIri } from '../model/ids.js';
import { describeStatistics, TupleSet } from '../rdf/describe.js';
import { selectGraphs } from '../rdf/graphs.js';
import { ontologyQuads } from '../rdf/resources.js';
import { drainEmission } from '../rdf/sink.js';
import { RDF } from '../vocab/terms.js';
import { CountingSink, type Tally } from './counting-sink.js';
import {
  compactorFor,
  expandedValueOf,
  writeJsonLdText,
  type CompactProperty,
  type GraphTexts,
  type JsonLdForm,
  type JsonLdOptions,
  type ObjectShape,
  type ValueForm,
} from './jsonld.js';
import { emitData, exportGraphIris, type DatasetRdfOptions } from './rdf-stream.js';

/** A term as the JSON-LD writer needs it, its texts made once. */
class JsonTerm {
  /** The IRI (`_:b` for a blank node) or the literal's text, and its JSON text. */
  readonly value: string;
  readonly json: string;
  readonly shape: ObjectShape;
  readonly language: string;
  readonly blank: boolean;
  /** The JSON text of the term as a value object, and as a type; made when first needed. */
  object: string | undefined = undefined;
  type: string | undefined = undefined;
  /** The shape's number in the sink's table of shapes. */
  readonly shapeIndex: number;

  constructor(value: string, shape: ObjectShape, shapeIndex: number, language: string, blank: boolean) {
    this.value = value;
    this.json = JSON.stringify(value);
    this.shape = shape;
    this.shapeIndex = shapeIndex;
    this.language = language;
    this.blank = blank;
  }
}

/** A growable table of 32-bit integers. */
class IntTable {
  data = new Int32Array(1 << 12);
  length = 0;

  /** Appends `width` cells (to be set by the caller) and returns the index of the first. */
  append(width: number): number {
    const at = this.length;
    if (at + width > this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.length = at + width;
    return at;
  }
}

/** The values of one key of the node being written (a key can hold several predicates' or shapes' values). */
interface KeyGroup {
  readonly json: string;
  readonly language: boolean;
  /** The node the values belong to (a serial number), and how many there are. */
  mark: number;
  count: number;
  /** The values' JSON texts joined by commas; in a language map, each value and its language, by index. */
  text: string;
  readonly items: string[];
  readonly languages: string[];
}

/** The key of a predicate's values of one shape, and their form. */
interface Slot {
  readonly group: KeyGroup;
  readonly form: ValueForm;
}

/** What tells the two forms apart: the keys of `@id` and `@type`, whether single values stand alone, the terms. */
interface NodeStyle {
  readonly idKey: string;
  readonly typeKey: string;
  readonly compacted: boolean;
  property(predicate: string, shape: ObjectShape): CompactProperty;
  valueObject(shape: ObjectShape, value: string, language: string): object;
  typeOf(iri: string): string;
}

/** The style of a form (anything but `compacted` is written expanded, as {@link writeJsonLdText} does). */
function styleOf(form: JsonLdForm, options: JsonLdOptions): NodeStyle {
  if (form !== 'compacted') return EXPANDED;
  const compactor = compactorFor(options);
  return {
    idKey: JSON.stringify(compactor.idKey),
    typeKey: JSON.stringify(compactor.typeKey),
    compacted: true,
    property: (predicate, shape) => compactor.property(predicate, shape),
    valueObject: (shape, value, language) => compactor.valueObject(shape, value, language),
    typeOf: (iri) => compactor.compactType(iri),
  };
}

const EXPANDED: NodeStyle = {
  idKey: '"@id"',
  typeKey: '"@type"',
  compacted: false,
  property: (predicate) => ({ key: predicate, form: 'object' }),
  valueObject: expandedValueOf,
  typeOf: (iri) => iri,
};

/** The shapes every sink numbers first: IRIs and blank nodes (0), language-tagged literals (1). */
const NODE_SHAPE = 0;
const LANGUAGE_SHAPE = 1;

/** How many quads of a node are compared one by one before the node's quads go into a hash table. */
const SCAN = 32;

/**
 * A sink that keeps each new quad as term ids under its graph and subject, and writes the nodes' texts. The quads
 * are cells of one table (predicate, object, the next quad of the same node), each node's first and last quad and
 * its count are cells of another, and each graph maps its subjects to their node: no array or object per quad or
 * node.
 *
 * Without a selection of graphs it keeps every quad, so it is handed every quad and drops duplicates itself, within
 * the node (a node's first {@link SCAN} quads are compared one by one, a larger node's are hashed), and the VoID
 * figures are counted from the nodes when the description is asked for: no table of every triple.
 */
class JsonLdSink extends CountingSink<JsonTerm> {
  /** Each graph's subjects (term id, -1: the default graph) and their node's index in `#nodes`, in the order met. */
  readonly #graphs = new Map<number, Map<number, number>>();
  #subjects: Map<number, number> | undefined;
  /** Per quad: predicate, object, next quad of its node (-1: none). Per node: first quad, last quad, count. */
  readonly #quads = new IntTable();
  readonly #nodes = new IntTable();
  /** Whether this sink drops duplicates and counts (no selection of graphs), and the quads of large nodes. */
  readonly #dedup: boolean;
  readonly #large = new TupleSet(false);
  /** The figures of the quads kept, counted when first asked for after the last new quad. */
  #tally: Tally | undefined;
  readonly #style: NodeStyle;
  readonly #typeId: number;
  readonly #shapes = new Map<ObjectShape, number>([
    ['@id', NODE_SHAPE],
    ['@language', LANGUAGE_SHAPE],
  ]);
  /** The slot of each predicate (by id) and shape (by number). */
  readonly #slots: (Slot | undefined)[][] = [];
  readonly #groups = new Map<string, KeyGroup>();
  readonly #order: KeyGroup[] = [];
  #serial = 0;

  constructor(style: NodeStyle, keep: ReadonlySet<string> | undefined) {
    super(true, keep, false);
    this.#dedup = keep === undefined;
    this.#style = style;
    this.#typeId = this.iriId(RDF.type);
  }

  protected iriTerm(value: string): JsonTerm {
    return new JsonTerm(value, '@id', NODE_SHAPE, '', false);
  }

  protected literalTerm(value: string, language: string, datatype: string): JsonTerm {
    if (language) return new JsonTerm(value, '@language', LANGUAGE_SHAPE, language, false);
    let index = this.#shapes.get(datatype);
    if (index === undefined) this.#shapes.set(datatype, (index = this.#shapes.size));
    return new JsonTerm(value, datatype, index, '', false);
  }

  protected blankTerm(term: Term): readonly [string, JsonTerm] {
    const id = `_:${term.value}`;
    return [id, new JsonTerm(id, '@id', NODE_SHAPE, '', true)];
  }

  protected override graphChanged(): void {
    this.#subjects = undefined;
  }

  protected write(s: number, p: number, o: number): void {
    this.#tally = undefined;
    if (!this.#subjects) {
      let subjects = this.#graphs.get(this.graphId);
      if (!subjects) this.#graphs.set(this.graphId, (subjects = new Map()));
      this.#subjects = subjects;
    }
    const node = this.#subjects.get(s);
    if (node !== undefined && this.#dedup && this.#holds(node, p, o)) return;
    const at = this.#quads.append(3);
    const quads = this.#quads.data;
    quads[at] = p;
    quads[at + 1] = o;
    quads[at + 2] = -1;
    if (node === undefined) {
      const n = this.#nodes.append(3);
      const nodes = this.#nodes.data;
      nodes[n] = at;
      nodes[n + 1] = at;
      nodes[n + 2] = 1;
      this.#subjects.set(s, n);
    } else {
      const nodes = this.#nodes.data;
      quads[nodes[node + 1]! + 2] = at;
      nodes[node + 1] = at;
      nodes[node + 2]!++;
    }
  }

  /** Whether the node holds the quad; past {@link SCAN} quads, the node's quads (and this one, if new) are hashed. */
  #holds(node: number, p: number, o: number): boolean {
    const quads = this.#quads.data;
    const count = this.#nodes.data[node + 2]!;
    if (count < SCAN) {
      for (let q = this.#nodes.data[node]!; q !== -1; q = quads[q + 2]!) if (quads[q] === p && quads[q + 1] === o) return true;
      return false;
    }
    if (count === SCAN) for (let q = this.#nodes.data[node]!; q !== -1; q = quads[q + 2]!) this.#large.put(node, quads[q]!, quads[q + 1]!, 0);
    return this.#large.put(node, p, o, 0) !== -1;
  }

  protected override tally(): Tally {
    if (!this.#dedup) return this.counter;
    return (this.#tally ??= tallyNodes(this.#graphs, this.#nodes.data, this.#quads.data, this.terms, this.#typeId));
  }

  /** The graphs of the document, the default graph first, each with its nodes' texts (written as they are read). */
  documentGraphs(): GraphTexts[] {
    const ids = [...this.#graphs.keys()].sort((a, b) => Number(a !== -1) - Number(b !== -1));
    return ids.map((id) => [id === -1 ? '' : this.terms[id]!.value, this.#nodeTexts(id)] as const);
  }

  *#nodeTexts(graph: number): Generator<string, void, undefined> {
    for (const [s, node] of this.#graphs.get(graph)!) yield this.#node(s, this.#nodes.data[node]!);
    this.#graphs.delete(graph);
  }

  #slot(p: number, object: JsonTerm): Slot {
    const slots = (this.#slots[p] ??= []);
    let slot = slots[object.shapeIndex];
    if (!slot) {
      const { key, form } = this.#style.property(this.terms[p]!.value, object.shape);
      let group = this.#groups.get(key);
      if (!group) this.#groups.set(key, (group = { json: JSON.stringify(key), language: form === 'language', mark: 0, count: 0, text: '', items: [], languages: [] }));
      slots[object.shapeIndex] = slot = { group, form };
    }
    return slot;
  }

  /** One node's JSON text: its id, its types, then each key's values in the order their first value came. */
  #node(s: number, first: number): string {
    const { terms } = this;
    const quads = this.#quads.data;
    const style = this.#style;
    const typeId = this.#typeId;
    let text = `{${style.idKey}:${terms[s]!.json}`;
    let types = '';
    let typeCount = 0;
    for (let q = first; q !== -1; q = quads[q + 2]!) {
      if (quads[q] !== typeId) continue;
      const object = terms[quads[q + 1]!]!;
      if (object.shapeIndex !== NODE_SHAPE) continue;
      object.type ??= object.blank ? object.json : JSON.stringify(style.typeOf(object.value));
      types += typeCount++ === 0 ? object.type : `,${object.type}`;
    }
    if (typeCount > 0) text += `,${style.typeKey}:${typeCount === 1 && style.compacted ? types : `[${types}]`}`;
    const serial = ++this.#serial;
    const order = this.#order;
    let keys = 0;
    for (let q = first; q !== -1; q = quads[q + 2]!) {
      const p = quads[q]!;
      const object = terms[quads[q + 1]!]!;
      if (p === typeId && object.shapeIndex === NODE_SHAPE) continue;
      const { group, form } = this.#slot(p, object);
      if (group.mark !== serial) {
        group.mark = serial;
        group.count = 0;
        group.text = '';
        order[keys++] = group;
      }
      const value = form === 'object' ? (object.object ??= JSON.stringify(style.valueObject(object.shape, object.value, object.language))) : object.json;
      if (form === 'language') {
        group.languages[group.count] = object.language;
        group.items[group.count] = value;
      } else {
        group.text = group.count === 0 ? value : `${group.text},${value}`;
      }
      group.count++;
    }
    for (let k = 0; k < keys; k++) {
      const group = order[k]!;
      text += `,${group.json}:${group.language ? languageMap(group) : group.count === 1 && style.compacted ? group.text : `[${group.text}]`}`;
    }
    return `${text}}`;
  }
}

/** A language map's text: each language once, in the order first met, with its one value or an array of them. */
function languageMap({ items, languages, count }: KeyGroup): string {
  if (count === 1) return `{${JSON.stringify(languages[0])}:${items[0]}}`;
  const byLanguage = new Map<string, { text: string; count: number }>();
  for (let i = 0; i < count; i++) {
    const entry = byLanguage.get(languages[i]!);
    if (!entry) byLanguage.set(languages[i]!, { text: items[i]!, count: 1 });
    else {
      entry.text += `,${items[i]}`;
      entry.count++;
    }
  }
  let text = '';
  for (const [language, entry] of byLanguage) text += `${text ? ',' : ''}${JSON.stringify(language)}:${entry.count === 1 ? entry.text : `[${entry.text}]`}`;
  return `{${text}}`;
}

/** The flags {@link tallyNodes} keeps per term id. */
const SUBJECT = 1;
const PROPERTY = 2;
const CLASS = 4;
const SEVERAL_GRAPHS = 8;

/**
 * The VoID figures of quads kept as nodes (no quad twice in a node): what a {@link StatisticsCounter} fed the same
 * quads counts. Only the triples of subjects found in more than one graph are hashed, to count each triple once.
 */
function tallyNodes(
  graphs: ReadonlyMap<number, ReadonlyMap<number, number>>,
  nodes: Int32Array,
  quads: Int32Array,
  terms: readonly JsonTerm[],
  typeId: number,
): Tally {
  const flags = new Uint8Array(terms.length);
  const firstGraph = new Int32Array(terms.length);
  const properties = new Set<string>();
  const classes = new Set<string>();
  const counts = new Map<number, { readonly iri: string; readonly count: number }>();
  let total = 0;
  let subjects = 0;
  let shared = false;
  for (const [g, nodesOf] of graphs) {
    let count = 0;
    for (const [s, node] of nodesOf) {
      if (firstGraph[s] === 0) {
        firstGraph[s] = g + 2;
        flags[s]! |= SUBJECT;
        subjects++;
      } else if (firstGraph[s] !== g + 2) {
        flags[s]! |= SEVERAL_GRAPHS;
        shared = true;
      }
      count += nodes[node + 2]!;
      for (let q = nodes[node]!; q !== -1; q = quads[q + 2]!) {
        const p = quads[q]!;
        if ((flags[p]! & PROPERTY) === 0) {
          flags[p]! |= PROPERTY;
          properties.add(terms[p]!.value);
        }
        const o = quads[q + 1]!;
        if (p === typeId && (flags[o]! & CLASS) === 0) {
          flags[o]! |= CLASS;
          // The counter is given a term's value: a blank node's without its `_:`.
          classes.add(terms[o]!.blank ? terms[o]!.value.slice(2) : terms[o]!.value);
        }
      }
    }
    if (g >= 0) counts.set(g, { iri: terms[g]!.value, count });
    total += count;
  }
  let triples = total;
  if (shared) {
    const seen = new TupleSet(false);
    for (const nodesOf of graphs.values()) {
      for (const [s, node] of nodesOf) {
        if ((flags[s]! & SEVERAL_GRAPHS) === 0) continue;
        for (let q = nodes[node]!; q !== -1; q = quads[q + 2]!) if (seen.put(s, quads[q]!, quads[q + 1]!, 0) !== -1) triples--;
      }
    }
  }
  const graphIris = new Map<string, number>();
  for (const { iri, count } of counts.values()) graphIris.set(iri, count);
  return {
    graphs: counts,
    isSubject: (id) => (flags[id]! & SUBJECT) !== 0,
    statistics: () => ({ triples, subjects, properties, classes, graphs: graphIris }),
  };
}

/** Options of {@link writeDatasetJsonLd}. */
export interface DatasetJsonLdOptions extends Omit<DatasetRdfOptions, 'chunkSize'>, JsonLdOptions {}

/**
 * Writes the export of a dataset (its named graphs, the corpora's, and the metadata graph) as one JSON-LD document,
 * expanded or compacted, from the records, yielding the text in chunks. The same text as
 * `writeJsonLd(exportQuads(dataset, options), form)`.
 *
 * @throws {@link UntocKgError} `unknown_graph` when a graph asked for is not in the export (with the nearest names).
 * @example
 * ```ts
 * for (const chunk of writeDatasetJsonLd(kg.dataset, 'compacted')) process.stdout.write(chunk)
 * ```
 */
export function writeDatasetJsonLd(dataset: Dataset, form: JsonLdForm, options: DatasetJsonLdOptions = {}): Generator<string, void, undefined> {
  const keep = options.graphs ? selectGraphs(exportGraphIris(dataset, options.corpora), options.graphs, 'exportQuads') : undefined;
  const sink = new JsonLdSink(styleOf(form, options), keep);
  drainEmission(emitData(dataset, options.corpora, sink));
  sink.graph(graphIri('meta'));
  for (const q of ontologyQuads()) sink.quad(q);
  for (const q of describeStatistics(sink.statistics(), sink.described(), options.description)) sink.quad(q);
  return writeJsonLdText(sink.documentGraphs(), form, options);
}
