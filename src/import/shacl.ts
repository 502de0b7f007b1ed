/**
 * A small SHACL Core validator for the import: it reads the shapes graph (`ontology/shapes.ttl`) and checks the
 * constraint components that file uses — targets by class, subjects-of, objects-of and node; `sh:property` with
 * predicate paths; node kind, pattern, datatype, class, `sh:in`, `sh:hasValue`, min/max count, and the logical
 * `sh:and`, `sh:or`, `sh:not`. A shapes graph that uses anything else is refused when the validator is built, so the
 * shapes file cannot grow a constraint the import silently skips. A test checks its results against
 * rdf-validate-shacl's on the curated graph and on broken variants (docs/design-choices.md says why it is not a
 * runtime dependency).
 *
 * @module
 */
import type { Quad, Term } from '@rdfjs/types';
import { keyOf } from '../rdf/terms.js';
import { RDF, RDFS, SH, XSD } from '../vocab/terms.js';
import { clip } from './clip.js';

/** One failed constraint. */
export interface ShapeViolation {
  /** The focus node (IRI, `_:label`, or a literal's lexical form). */
  readonly focus: string;
  /** The property path (a predicate IRI), for property shapes. */
  readonly path?: string;
  /** The shape (IRI, or `_:label` for a blank node). */
  readonly shape: string;
  /** The SHACL constraint component, e.g. `http://www.w3.org/ns/shacl#MinCountConstraintComponent`. */
  readonly component: string;
  /** A readable sentence. */
  readonly message: string;
}

const SH_NS = SH.$iri;
/** Predicates of the sh: namespace that a shape may carry without being a constraint. */
const NON_CONSTRAINTS = new Set<string>([SH.message, SH.name, SH.description, SH.severity, SH.deactivated, SH.flags, SH.path]);

interface Shape {
  readonly id: string;
  readonly path?: string;
  readonly targets: readonly { readonly kind: 'class' | 'subjectsOf' | 'objectsOf' | 'node'; readonly term: Term }[];
  readonly nodeKind?: string;
  readonly pattern?: RegExp;
  readonly datatype?: string;
  readonly class?: readonly string[];
  readonly in?: readonly string[];
  readonly hasValue?: readonly string[];
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly uniqueLang?: boolean;
  readonly and?: readonly Shape[];
  readonly or?: readonly Shape[];
  readonly not?: readonly Shape[];
  readonly properties: readonly Shape[];
}

/**
 * A compiled shapes graph, reusable over many data graphs.
 *
 * @example
 * ```ts
 * const violations = new ShapesValidator(shapesQuads()).validate(datasetQuads(kg.dataset))
 * ```
 */
export class ShapesValidator {
  readonly #shapes: readonly Shape[];

  /**
   * Compiles a shapes graph.
   *
   * @throws Error when a shape uses a constraint component this validator does not implement.
   */
  constructor(shapesGraph: Iterable<Quad>) {
    const subjects = new Map<string, Quad[]>();
    for (const q of shapesGraph) {
      const key = keyOf(q.subject);
      const list = subjects.get(key);
      if (list) list.push(q);
      else subjects.set(key, [q]);
    }
    const values = (key: string, predicate: string) => (subjects.get(key) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object);
    const list = (head: Term): Term[] => {
      const items: Term[] = [];
      for (let node = head; node.value !== RDF.nil; ) {
        const key = keyOf(node);
        const first = values(key, RDF.first)[0];
        const rest = values(key, RDF.rest)[0];
        if (!first || !rest) throw new Error(`shapes: malformed RDF list at ${key}`);
        items.push(first);
        node = rest;
      }
      return items;
    };
    const compiled = new Map<string, Shape>();
    const compile = (key: string): Shape => {
      const known = compiled.get(key);
      if (known) return known;
      const own = subjects.get(key) ?? [];
      for (const q of own) {
        const p = q.predicate.value;
        if (p.startsWith(SH_NS) && !NON_CONSTRAINTS.has(p) && !SUPPORTED.has(p)) {
          throw new Error(`shapes: ${key} uses ${p.slice(SH_NS.length)} (sh:${p.slice(SH_NS.length)}), which the import's SHACL validator does not implement`);
        }
      }
      const one = (p: string) => values(key, p)[0];
      const path = one(SH.path);
      if (path && path.termType !== 'NamedNode') throw new Error(`shapes: ${key} has a complex sh:path, which the import's SHACL validator does not implement`);
      const pattern = one(SH.pattern);
      const flags = one(SH.flags);
      const minCount = one(SH.minCount);
      const maxCount = one(SH.maxCount);
      const shape: Shape = {
        id: key,
        ...(path && { path: path.value }),
        targets: [
          ...values(key, SH.targetClass).map((term) => ({ kind: 'class' as const, term })),
          ...values(key, SH.targetSubjectsOf).map((term) => ({ kind: 'subjectsOf' as const, term })),
          ...values(key, SH.targetObjectsOf).map((term) => ({ kind: 'objectsOf' as const, term })),
          ...values(key, SH.targetNode).map((term) => ({ kind: 'node' as const, term })),
        ],
        ...(one(SH.nodeKind) && { nodeKind: one(SH.nodeKind)!.value }),
        ...(pattern && { pattern: new RegExp(pattern.value, flags?.value ?? '') }),
        ...(one(SH.datatype) && { datatype: one(SH.datatype)!.value }),
        ...(values(key, SH.class).length > 0 && { class: values(key, SH.class).map((t) => t.value) }),
        ...(one(SH.in) && { in: list(one(SH.in)!).map(keyOfValue) }),
        ...(values(key, SH.hasValue).length > 0 && { hasValue: values(key, SH.hasValue).map(keyOfValue) }),
        ...(minCount && { minCount: Number(minCount.value) }),
        ...(maxCount && { maxCount: Number(maxCount.value) }),
        ...(one(SH.uniqueLang)?.value === 'true' && { uniqueLang: true }),
        properties: [],
      };
      compiled.set(key, shape);
      Object.assign(shape, {
        properties: values(key, SH.property).map((t) => compile(keyOf(t))),
        ...(one(SH.and) && { and: list(one(SH.and)!).map((t) => compile(keyOf(t))) }),
        ...(one(SH.or) && { or: list(one(SH.or)!).map((t) => compile(keyOf(t))) }),
        ...(values(key, SH.not).length > 0 && { not: values(key, SH.not).map((t) => compile(keyOf(t))) }),
      });
      return shape;
    };
    const roots: Shape[] = [];
    for (const [key, quads] of subjects) {
      const isShape = quads.some((q) => q.predicate.value === RDF.type && q.object.value === SH.NodeShape);
      const deactivated = quads.some((q) => q.predicate.value === SH.deactivated && q.object.value === 'true');
      if (isShape && !deactivated) roots.push(compile(key));
    }
    this.#shapes = roots;
  }

  /**
   * Validates a data graph (named graphs merged, each triple counted once). Returns every violation; an empty list
   * means it conforms.
   *
   * @example
   * ```ts
   * new ShapesValidator(shapesQuads()).validate(quads) // []
   * ```
   */
  validate(data: Iterable<Quad>): ShapeViolation[] {
    const graph = new DataGraph(data);
    const out: ShapeViolation[] = [];
    for (const shape of this.#shapes) {
      for (const focus of graph.targets(shape)) validateNode(graph, shape, focus, out);
    }
    return out;
  }
}

const SUPPORTED = new Set<string>([
  SH.targetClass,
  SH.targetSubjectsOf,
  SH.targetObjectsOf,
  SH.targetNode,
  SH.property,
  SH.nodeKind,
  SH.pattern,
  SH.datatype,
  SH.class,
  SH.in,
  SH.hasValue,
  SH.minCount,
  SH.maxCount,
  SH.uniqueLang,
  SH.and,
  SH.or,
  SH.not,
]);

/** The identity of a value for `sh:in` and `sh:hasValue`. */
function keyOfValue(t: Term): string {
  return t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : keyOf(t);
}

/** The data graph, indexed for validation. */
class DataGraph {
  /** The objects of each subject, by predicate. */
  readonly #objects = new Map<string, Map<string, Term[]>>();
  readonly #quads: readonly Quad[];
  readonly #instances = new Map<string, Map<string, Term>>();
  readonly #superClasses = new Map<string, string[]>();

  constructor(data: Iterable<Quad>) {
    // The RDF merge: each triple once, whatever graphs it is in (objects compared per subject and predicate).
    const seen = new Map<string, Map<string, Set<string>>>();
    const quads: Quad[] = [];
    for (const q of data) {
      const key = keyOf(q.subject);
      let predicates = seen.get(key);
      if (!predicates) seen.set(key, (predicates = new Map()));
      let objects = predicates.get(q.predicate.value);
      if (!objects) predicates.set(q.predicate.value, (objects = new Set()));
      const object = keyOfValue(q.object);
      if (objects.has(object)) continue;
      objects.add(object);
      quads.push(q);
      let values = this.#objects.get(key);
      if (!values) this.#objects.set(key, (values = new Map()));
      const list = values.get(q.predicate.value);
      if (list) list.push(q.object);
      else values.set(q.predicate.value, [q.object]);
      if (q.predicate.value === RDF.type) {
        let members = this.#instances.get(q.object.value);
        if (!members) this.#instances.set(q.object.value, (members = new Map()));
        members.set(key, q.subject);
      } else if (q.predicate.value === RDFS.subClassOf) {
        const list = this.#superClasses.get(q.subject.value);
        if (list) list.push(q.object.value);
        else this.#superClasses.set(q.subject.value, [q.object.value]);
      }
    }
    this.#quads = quads;
  }

  objects(node: Term, predicate: string): readonly Term[] {
    return this.#objects.get(keyOf(node))?.get(predicate) ?? [];
  }

  /** Whether `node` is an instance of `cls`, through `rdf:type` and `rdfs:subClassOf*`. */
  isInstance(node: Term, cls: string): boolean {
    return node.termType !== 'Literal' && this.#reaches(this.objects(node, RDF.type).map((t) => t.value), cls);
  }

  /** Whether `cls` is reached from `starts` through `rdfs:subClassOf*`. */
  #reaches(starts: readonly string[], cls: string): boolean {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === cls) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.#superClasses.get(next) ?? []));
    }
    return false;
  }

  targets(shape: Shape): Term[] {
    const found = new Map<string, Term>();
    for (const target of shape.targets) {
      switch (target.kind) {
        case 'class':
          for (const [cls] of this.#instances) {
            if (this.#reaches([cls], target.term.value)) for (const [k, t] of this.#instances.get(cls)!) found.set(k, t);
          }
          break;
        case 'subjectsOf':
          for (const q of this.#quads) if (q.predicate.value === target.term.value) found.set(keyOf(q.subject), q.subject);
          break;
        case 'objectsOf':
          for (const q of this.#quads) if (q.predicate.value === target.term.value) found.set(keyOfValue(q.object), q.object);
          break;
        case 'node':
          found.set(keyOfValue(target.term), target.term);
          break;
      }
    }
    return [...found.values()];
  }
}

const NODE_KINDS: Readonly<Record<string, readonly Term['termType'][]>> = {
  [SH.IRI]: ['NamedNode'],
  [SH.BlankNode]: ['BlankNode'],
  [SH.Literal]: ['Literal'],
  [SH.BlankNodeOrIRI]: ['BlankNode', 'NamedNode'],
  [SH.IRIOrLiteral]: ['NamedNode', 'Literal'],
  [SH.BlankNodeOrLiteral]: ['BlankNode', 'Literal'],
};

const short = (iri: string) => iri.replace(/^.*[#/]/, '');

function datatypeOf(t: Term): string | undefined {
  if (t.termType !== 'Literal') return undefined;
  return t.language ? RDF.langString : t.datatype.value || XSD.string;
}

/** Checks `focus` against `shape`, adding a violation per failed constraint to `out`. */
function validateNode(graph: DataGraph, shape: Shape, focus: Term, out: ShapeViolation[]): void {
  const values = shape.path ? graph.objects(focus, shape.path) : [focus];
  const focusText = focus.termType === 'Literal' ? clip(focus.value) : keyOf(focus);
  const fail = (component: string, message: string) =>
    out.push({ focus: focusText, ...(shape.path && { path: shape.path }), shape: shape.id, component: `${SH_NS}${component}ConstraintComponent`, message });
  const where = shape.path ? `${short(shape.path)} of ${focusText}` : focusText;
  if (shape.minCount !== undefined && values.length < shape.minCount) {
    fail('MinCount', `${focusText} needs at least ${shape.minCount} ${short(shape.path ?? '')} value${shape.minCount === 1 ? '' : 's'}; it has ${values.length}`);
  }
  if (shape.maxCount !== undefined && values.length > shape.maxCount) {
    fail('MaxCount', `${focusText} may have at most ${shape.maxCount} ${short(shape.path ?? '')} value${shape.maxCount === 1 ? '' : 's'}; it has ${values.length}`);
  }
  if (shape.hasValue) {
    const keys = new Set(values.map(keyOfValue));
    for (const wanted of shape.hasValue) if (!keys.has(wanted)) fail('HasValue', `${where} must include ${wanted}`);
  }
  if (shape.uniqueLang) {
    // One violation per language tag used more than once (SHACL §4.4.2).
    const tags = values.flatMap((v) => (v.termType === 'Literal' && v.language ? [v.language.toLowerCase()] : []));
    for (const tag of new Set(tags.filter((t, i) => tags.indexOf(t) !== i))) fail('UniqueLang', `${where} has more than one value tagged @${tag}`);
  }
  for (const value of values) {
    const text = clip(keyOfValue(value));
    if (shape.nodeKind && !NODE_KINDS[shape.nodeKind]?.includes(value.termType)) fail('NodeKind', `${where}: ${text} is not a ${short(shape.nodeKind)}`);
    if (shape.pattern && (value.termType === 'BlankNode' || !shape.pattern.test(value.value))) fail('Pattern', `${where}: "${clip(value.value)}" does not match /${shape.pattern.source}/`);
    if (shape.datatype && datatypeOf(value) !== shape.datatype) fail('Datatype', `${where}: ${text} is not of datatype ${short(shape.datatype)}`);
    for (const cls of shape.class ?? []) if (!graph.isInstance(value, cls)) fail('Class', `${where}: ${text} is not a ${short(cls)}`);
    if (shape.in && !shape.in.includes(keyOfValue(value))) fail('In', `${where}: ${text} is not one of ${shape.in.join(', ')}`);
    if (shape.and && !shape.and.every((s) => conforms(graph, s, value))) fail('And', `${where} does not conform to every shape of an sh:and`);
    if (shape.or && !shape.or.some((s) => conforms(graph, s, value))) fail('Or', `${where} conforms to none of the shapes of an sh:or`);
    for (const negated of shape.not ?? []) if (conforms(graph, negated, value)) fail('Not', `${where} conforms to a shape it must not (sh:not)`);
    for (const property of shape.properties) validateNode(graph, property, value, out);
  }
}

function conforms(graph: DataGraph, shape: Shape, focus: Term): boolean {
  const out: ShapeViolation[] = [];
  validateNode(graph, shape, focus, out);
  return out.length === 0;
}
