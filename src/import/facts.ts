/**
 * What every reader of the import shares: the data quads indexed by subject and by class ({@link ReadContext}), the
 * quads about one node read by property ({@link Facts}), and the issues found on the way. The readers (`quads.ts`,
 * `directory.ts`) mirror the writers in `rdf/` and take a context; none of them throws for bad data.
 *
 * @module
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import type { RdfIssue } from '../errors.js';
import { graphName } from '../model/ids.js';
import { keyOf } from '../rdf/terms.js';
import { RDF } from '../vocab/terms.js';
import { clip } from './clip.js';
import { defined } from '../util/defined.js';

/** A node typed with a class, and the quads that describe it as such. */
export interface Typed {
  readonly iri: string;
  readonly facts: Facts;
}

/** The source ids a node names by `path` (`prov:wasDerivedFrom` by default); unknown ones are reported. */
export type SourceIdsOf<Id> = (iri: string, facts: Facts, path?: string) => Id[];

/** The data quads of an import, indexed for the readers, and the issues they report. */
export class ReadContext {
  /** Every issue found so far. */
  readonly issues: RdfIssue[] = [];
  readonly #subjects = new Map<string, Quad[]>();
  /** The subjects of each class. */
  readonly #instances = new Map<string, Set<string>>();
  /** The position of each subject's first quad: classes list their members in this order. */
  readonly #order = new Map<string, number>();
  readonly #name: string;

  constructor(data: readonly Quad[], name: string) {
    this.#name = name;
    for (const q of data) {
      const key = keyOf(q.subject);
      const list = this.#subjects.get(key);
      if (list) list.push(q);
      else {
        this.#subjects.set(key, [q]);
        this.#order.set(key, this.#order.size);
      }
      if (q.predicate.value === RDF.type) {
        const members = this.#instances.get(q.object.value);
        if (members) members.add(key);
        else this.#instances.set(q.object.value, new Set([key]));
      }
    }
  }

  /** The quads whose subject is `iri` (or `_:label`). */
  quadsOf(iri: string): readonly Quad[] {
    return this.#subjects.get(iri) ?? [];
  }

  /** The facts about `iri`, in every graph. */
  facts(iri: string): Facts {
    return new Facts(this.quadsOf(iri));
  }

  /** Reports a problem with a node (and a property). */
  issue(focus: string, path: string | undefined, message: string): void {
    this.issues.push({ code: 'structure', focus, ...defined({ path }), message });
  }

  /**
   * Brands `value` with `mint` (an id function of `model/ids.ts`), or reports why it cannot be and returns undefined.
   * The value is clipped where the message echoes it.
   */
  mint<T>(focus: string, path: string, value: string, mint: (value: string) => T): T | undefined {
    try {
      return mint(value);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.issue(focus, path, value.length > 80 ? message.split(value).join(clip(value)) : message);
      return undefined;
    }
  }

  /**
   * The subjects typed `cls`, each with the quads that describe it as such: those in the graphs of its type triple.
   * `end` says which value a single-valued field takes when there are several: where one node is two records (the
   * Model Law, an instrument and a tool) in a graph without named graphs, the instrument takes the first and the tool
   * the last, so that both values are kept.
   */
  typed(cls: string, end: 'first' | 'last' = 'first'): Typed[] {
    const out: Typed[] = [];
    for (const key of this.#members(cls)) {
      const quads = this.quadsOf(key);
      const graphs = new Set<string>();
      for (const q of quads) if (q.predicate.value === RDF.type && q.object.value === cls) graphs.add(q.graph.value);
      out.push({ iri: key, facts: new Facts(quads.filter((q) => graphs.has(q.graph.value)), end) });
    }
    return out;
  }

  /**
   * The subjects typed `cls`, one entry per graph of a type triple, each with the quads of that graph: for records
   * that one node has in several named graphs (an authority in two directory snapshots).
   */
  typedPerGraph(cls: string): (Typed & { readonly graph: string | undefined })[] {
    const out: (Typed & { readonly graph: string | undefined })[] = [];
    for (const key of this.#members(cls)) {
      const quads = this.quadsOf(key);
      const graphs = new Map<string, Term>();
      for (const q of quads) if (q.predicate.value === RDF.type && q.object.value === cls) graphs.set(q.graph.value, q.graph);
      for (const graph of graphs.values()) {
        out.push({ iri: key, facts: new Facts(quads.filter((q) => q.graph.equals(graph))), graph: graph.termType === 'NamedNode' ? graph.value : undefined });
      }
    }
    return out;
  }

  /** The subjects typed `cls`, in the order they first appear. */
  #members(cls: string): string[] {
    const order = this.#order;
    return [...(this.#instances.get(cls) ?? [])].sort((a, b) => order.get(a)! - order.get(b)!);
  }

  /** The `file` of a record read from a graph: the import's name and the graph's short name. */
  file(graph: string): string {
    return `${this.#name}#${graphName(graph) ?? graph}`;
  }
}

/** The quads about one node, read by property. */
export class Facts {
  readonly #quads: readonly Quad[];
  readonly #end: 'first' | 'last';
  #byPredicate: Map<string, Term[]> | undefined;

  constructor(quads: readonly Quad[], end: 'first' | 'last' = 'first') {
    this.#quads = quads;
    this.#end = end;
  }

  /** The quads, as given. */
  get quads(): readonly Quad[] {
    return this.#quads;
  }

  #objects(predicate: string): readonly Term[] {
    if (!this.#byPredicate) {
      this.#byPredicate = new Map();
      for (const q of this.#quads) {
        const list = this.#byPredicate.get(q.predicate.value);
        if (list) list.push(q.object);
        else this.#byPredicate.set(q.predicate.value, [q.object]);
      }
    }
    return this.#byPredicate.get(predicate) ?? [];
  }

  #one<T>(values: readonly T[]): T | undefined {
    return this.#end === 'first' ? values[0] : values.at(-1);
  }

  /** The literal value of `predicate` (the first or last, as the reader was asked). */
  literal(predicate: string): Literal | undefined {
    return this.#one(this.literals(predicate));
  }

  /** The lexical form of {@link literal}. */
  text(predicate: string): string | undefined {
    return this.literal(predicate)?.value;
  }

  /** The literal values of `predicate`. */
  literals(predicate: string): Literal[] {
    return this.#objects(predicate).filter((t): t is Literal => t.termType === 'Literal');
  }

  /** The lexical form of the value of `predicate` tagged `language` (the first or last, as the reader was asked). */
  textIn(predicate: string, language: string): string | undefined {
    return this.#one(this.literals(predicate).filter((t) => t.language === language))?.value;
  }

  /** `{ [key]: value }` when `predicate` has a value tagged `language`, else `{}`. */
  optionalIn<K extends string>(key: K, predicate: string, language: string): { [P in K]?: string } {
    return present(key, this.textIn(predicate, language));
  }

  /** The lexical forms of every literal value of `predicate`, without duplicates, in the order given. */
  texts(predicate: string): string[] {
    return [...new Set(this.literals(predicate).map((t) => t.value))];
  }

  /** The IRI values of `predicate`, without duplicates. */
  iris(predicate: string): string[] {
    return [...new Set(this.#objects(predicate).flatMap((t) => (t.termType === 'NamedNode' ? [t.value] : [])))];
  }

  /** One IRI value of `predicate` (the first or last, as the reader was asked). */
  iri(predicate: string): string | undefined {
    return this.#one(this.iris(predicate));
  }

  /** `{ [key]: value }` when `predicate` has a value (an IRI when `iri`), else `{}`: for optional record fields. */
  optional<K extends string>(key: K, predicate: string, iri = false): { [P in K]?: string } {
    return present(key, iri ? this.iri(predicate) : this.text(predicate));
  }

  /** The named graph of the quad `predicate object`, if it has one. */
  graphOf(predicate: string, object: string): string | undefined {
    const q = this.#quads.find((x) => x.predicate.value === predicate && x.object.value === object);
    return q?.graph.termType === 'NamedNode' ? q.graph.value : undefined;
  }
}

/** `{ [key]: value }`, or `{}` when there is no value. */
function present<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  if (value !== undefined) out[key] = value;
  return out;
}
