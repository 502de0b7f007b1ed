/**
 * The integrity pass for the directory's files: its categories (`directory-categories`), its snapshots
 * (`directory`) and participation data (`participation`). Called by the dataset builder (`build.ts`) after the
 * instruments and tools are in, so that categories can be checked against the directory tool's parts and citations
 * resolved. Every problem is an issue with file, path, code and (where there is one) the nearest valid values.
 *
 * @module
 */
import { isUntocKgError, type DataIssueCode } from '../errors.js';
import type {
  AuthorityRecord,
  CategoryRecord,
  InstrumentRecord,
  ParticipationFigureRecord,
  ParticipationRecord,
  PartRecord,
  SnapshotRecord,
  StateRecord,
  ToolRecord,
} from '../model/dataset.js';
import { AUTHORITY_DETAILS, type AuthorityEntry, type DirectoryCategoriesFile, type DirectoryFile, type ParticipationFile, type SourcesFile } from '../model/files.js';
import {
  authorityId,
  authoritySlug,
  categoryId,
  graphIri,
  instrumentId,
  partId,
  sourceId,
  stateIri,
  type CategoryId,
  type InstrumentId,
  type ProvisionId,
} from '../model/ids.js';
import { findState, stateByCode, stateProblem } from '../model/states.js';
import type { ResolvedTarget } from '../citation/resolve.js';
import { closest } from '../util/closest.js';
import { CategoryNames } from '../model/categories.js';
import { citationIssue, type CitationIssue } from './citations.js';
import type { Path } from './issues.js';
import { defined } from '../util/defined.js';

/** What the directory pass needs from the dataset builder. */
export interface DirectoryContext {
  add(code: DataIssueCode, file: string, path: Path, message: string, suggestions?: readonly string[]): void;
  readonly instruments: ReadonlyMap<string, InstrumentRecord>;
  readonly tools: ReadonlyMap<string, ToolRecord>;
  readonly parts: ReadonlyMap<string, PartRecord>;
  /** Adds the sources a file defines (as a `sources` file's are added). */
  addSources(file: string, sources: SourcesFile['sources']): void;
  /** Parses and resolves a citation; throws the citation module's typed errors. */
  resolve(text: string): readonly ResolvedTarget[];
  /** Records a source reference, checked once every file is in. */
  source(file: string, path: Path, id: string): void;
  /** How messages name the `index`-th authority of a file (`entry 3`, or `row 4` for an import). */
  entryLabel(file: string, index: number): string;
}


/** The fields of an authority that two entries for the same authority must agree on (for conflict reports). */
const COMPARED = ['name', 'categories', 'designatedUnder', ...AUTHORITY_DETAILS, 'source'] as const satisfies readonly (keyof AuthorityRecord)[];

/** A citation resolved (to its provisions), or the issue it raised. */
type Resolved = { readonly ok: true; readonly ids: ProvisionId[] } | ({ readonly ok: false } & CitationIssue) | { readonly ok: false; readonly code: 'invalid_value'; readonly message: string; readonly suggestions: readonly string[] };

/** The details an entry gives, as its record carries them (`languages` is always there, by default empty). */
function details(entry: AuthorityEntry): Pick<AuthorityRecord, (typeof AUTHORITY_DETAILS)[number]> {
  const out: Partial<Record<(typeof AUTHORITY_DETAILS)[number], unknown>> = {};
  for (const key of AUTHORITY_DETAILS) {
    if (key === 'languages') out[key] = entry[key] ?? [];
    else if (entry[key] !== undefined) out[key] = entry[key];
  }
  return out as Pick<AuthorityRecord, (typeof AUTHORITY_DETAILS)[number]>;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Collects the directory's categories, snapshots, authorities, States and participation for one build.
 *
 * @example
 * ```ts
 * const directory = new DirectoryBuilder(context) // the dataset builder's lookups and issue list
 * directory.addDirectory('cna.yaml', file)
 * directory.finish().authorities
 * ```
 */
export class DirectoryBuilder {
  readonly categories = new Map<string, CategoryRecord>();
  /** Category ids, aliases and folded labels → category id. */
  private readonly categoryNames = new CategoryNames();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly authorities: AuthorityRecord[] = [];
  readonly states = new Map<string, StateRecord>();
  readonly participation: ParticipationRecord[] = [];
  readonly figures: ParticipationFigureRecord[] = [];
  /** Resolved citations (or the error), by text: a directory cites the same few provisions many times. */
  private readonly citations = new Map<string, Resolved>();

  constructor(private readonly ctx: DirectoryContext) {}

  /** Adds the records of an already built dataset. */
  addBase(base: {
    categories?: readonly CategoryRecord[];
    snapshots?: readonly SnapshotRecord[];
    authorities?: readonly AuthorityRecord[];
    states?: readonly StateRecord[];
    participation?: readonly ParticipationRecord[];
    participationFigures?: readonly ParticipationFigureRecord[];
  }): void {
    for (const c of base.categories ?? []) this.registerCategory(c);
    for (const s of base.snapshots ?? []) this.snapshots.set(s.id, s);
    this.authorities.push(...(base.authorities ?? []));
    for (const s of base.states ?? []) this.states.set(s.alpha2, s);
    this.participation.push(...(base.participation ?? []));
    this.figures.push(...(base.participationFigures ?? []));
  }

  private registerCategory(c: CategoryRecord): void {
    this.categories.set(c.id, c);
    this.categoryNames.add(c);
  }

  /** The category a name (id, alias or label) stands for. */
  category(name: string): CategoryRecord | undefined {
    return this.categoryNames.get(name);
  }

  private resolveCached(text: string): Resolved {
    let hit = this.citations.get(text);
    if (hit) return hit;
    try {
      const targets = this.ctx.resolve(text);
      hit = { ok: true, ids: targets.map((t) => t.id) };
      if (targets.some((t) => t.level === 'instrument')) {
        hit = { ok: false, code: 'invalid_value', message: `"${text}" names a whole instrument; name the provision (e.g. "SOM Protocol art. 8(6)")`, suggestions: [] };
      }
    } catch (error) {
      if (!isUntocKgError(error)) throw error;
      hit = { ok: false, ...citationIssue(error) };
    }
    this.citations.set(text, hit);
    return hit;
  }

  /** Resolves citations at a path, adding an issue for each that fails. */
  private provisions(file: string, path: Path, texts: readonly string[]): ProvisionId[] | undefined {
    const out: ProvisionId[] = [];
    let failed = false;
    texts.forEach((text, j) => {
      const hit = this.resolveCached(text);
      if (!hit.ok) {
        this.ctx.add(hit.code, file, [...path, j], hit.message, hit.suggestions);
        failed = true;
        return;
      }
      for (const id of hit.ids) if (!out.includes(id)) out.push(id);
    });
    return failed ? undefined : out;
  }

  private state(file: string, path: Path, input: string): StateRecord | undefined {
    const codes = stateByCode(input);
    if (codes && /^[A-Za-z]{2,3}$/.test(input.trim())) {
      let record = this.states.get(codes.alpha2);
      if (!record) {
        record = { iri: stateIri(codes.alpha3), alpha2: codes.alpha2, alpha3: codes.alpha3, name: codes.name };
        this.states.set(codes.alpha2, record);
      }
      return record;
    }
    const byName = findState(input);
    if (byName) {
      this.ctx.add('invalid_state', file, path, `"${input}" is a name; give its ISO 3166-1 code: ${byName.alpha2} (or ${byName.alpha3})`, [byName.alpha2]);
      return undefined;
    }
    const { message, suggestions } = stateProblem(input, 'an ISO 3166-1 alpha-2 or alpha-3 code');
    this.ctx.add('invalid_state', file, path, message, suggestions);
    return undefined;
  }

  // categories -------------------------------------------------------------------------------------------------
  addCategories(file: string, data: DirectoryCategoriesFile): void {
    const tool = this.ctx.tools.get(data.tool);
    if (!tool) {
      this.ctx.add('unknown_tool', file, ['tool'], `tool "${data.tool}" is not defined`, closest(data.tool, this.ctx.tools.keys()));
      return;
    }
    data.categories.forEach((entry, i) => {
      const path: Path = ['categories', i];
      const part = partId(tool.iri, entry.id);
      const partRecord = this.ctx.parts.get(part);
      if (!partRecord) {
        const paths = [...this.ctx.parts.values()].filter((p) => p.tool === tool.id && !p.parent).map((p) => p.path);
        this.ctx.add('unknown_part', file, [...path, 'id'], `tool "${tool.id}" has no part "${entry.id}"`, closest(entry.id, paths));
        return;
      }
      if (this.categories.has(entry.id)) {
        this.ctx.add('duplicate_id', file, [...path, 'id'], `category "${entry.id}" is defined twice`);
        return;
      }
      for (const [j, alias] of (entry.aliases ?? []).entries()) {
        const taken = this.categoryNames.get(alias)?.id;
        if (taken !== undefined || alias === entry.id) this.ctx.add('duplicate_id', file, [...path, 'aliases', j], `alias "${alias}" already names category "${taken ?? entry.id}"`);
      }
      const designatedUnder = entry.designatedUnder ? this.provisions(file, [...path, 'designatedUnder'], entry.designatedUnder) : [];
      const related = entry.related ? this.provisions(file, [...path, 'related'], entry.related) : [];
      entry.sources.forEach((key, j) => this.ctx.source(file, [...path, 'sources', j], key));
      if (!designatedUnder || !related) return;
      this.registerCategory({
        id: categoryId(entry.id),
        part,
        tool: tool.id,
        label: partRecord.label,
        aliases: entry.aliases ?? [],
        basis: entry.basis,
        designatedUnder,
        related,
        inferDesignation: entry.inferDesignation,
        note: entry.note,
        sources: entry.sources.map(sourceId),
        ...defined({ locator: entry.locator }),
        file,
      });
    });
  }

  // snapshots --------------------------------------------------------------------------------------------------
  addDirectory(file: string, data: DirectoryFile): void {
    const id = data.id ?? data.asOf!;
    if (this.snapshots.has(id)) {
      this.ctx.add('duplicate_id', file, [data.id !== undefined ? 'id' : 'asOf'], `directory snapshot "${id}" is already loaded (give the file another id)`);
      return;
    }
    if (data.sources) this.ctx.addSources(file, data.sources);
    if (data.source !== undefined) this.ctx.source(file, ['source'], data.source);
    const snapshot: SnapshotRecord = {
      id,
      iri: graphIri('directory', id),
      ...defined({ title: data.title, asOf: data.asOf }),
      ...(data.source !== undefined && { source: sourceId(data.source) }),
      example: data.example,
      ...defined({ note: data.note }),
      file,
    };
    this.snapshots.set(id, snapshot);

    // A snapshot without a source whose entries name none either: one issue, not one per entry.
    const noSource = data.source === undefined && data.authorities.length > 0 && data.authorities.every((a) => a.source === undefined);
    if (noSource) this.ctx.add('missing_source', file, ['source'], 'neither the snapshot nor any entry names a source: give the snapshot a "source"');
    const seen = new Map<string, { index: number; record: AuthorityRecord }>();
    data.authorities.forEach((entry, i) => {
      const record = this.authority(file, i, entry, snapshot, data.source, !noSource);
      if (!record) return;
      const earlier = seen.get(record.id);
      if (earlier) {
        const differs = COMPARED.filter((key) => !same(earlier.record[key], record[key]));
        const other = this.ctx.entryLabel(file, earlier.index);
        if (differs.length === 0) {
          this.ctx.add('duplicate_authority', file, ['authorities', i], `repeats ${other}: the same authority (${record.name}, ${record.state}) with the same details`);
        } else {
          this.ctx.add(
            'conflicting_authority',
            file,
            ['authorities', i, differs[0]!],
            `the same authority (${record.id.slice(record.id.indexOf('cna/'))}) as ${other}, but with a different ${differs.join(', ')}; give each its own id or keep one`,
          );
        }
        return;
      }
      seen.set(record.id, { index: i, record });
      this.authorities.push(record);
    });
  }

  private authority(
    file: string,
    i: number,
    entry: AuthorityEntry,
    snapshot: SnapshotRecord,
    defaultSource: string | undefined,
    reportMissingSource: boolean,
  ): AuthorityRecord | undefined {
    const path: Path = ['authorities', i];
    let ok = true;
    const state = this.state(file, [...path, 'state'], entry.state);
    if (!state) ok = false;

    let categories: CategoryId[] = [];
    entry.categories?.forEach((name, j) => {
      const found = this.category(name);
      if (!found) {
        const suggestions = this.categoryNames.suggestions(name);
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions[0]}?` : `; the categories are ${[...this.categories.keys()].join(', ')}`;
        this.ctx.add('unknown_category', file, [...path, 'categories', j], `"${name}" is not a directory category${hint}`, suggestions);
        ok = false;
        return;
      }
      if (!categories.includes(found.id)) categories.push(found.id);
    });

    let designatedUnder: ProvisionId[] = [];
    if (entry.provisions) {
      const resolved = this.provisions(file, [...path, 'provisions'], entry.provisions);
      if (!resolved) ok = false;
      else designatedUnder = resolved;
    }
    if (!ok || !state) return undefined;

    let designationInferred = false;
    if (!entry.provisions) {
      for (const c of categories) {
        const category = this.categories.get(c)!;
        if (category.inferDesignation) {
          for (const p of category.designatedUnder) if (!designatedUnder.includes(p)) designatedUnder.push(p);
          designationInferred = true;
        }
      }
    }
    let categoriesInferred = false;
    if (!entry.categories) {
      categories = [...this.categories.values()].filter((c) => c.designatedUnder.some((p) => designatedUnder.includes(p))).map((c) => c.id);
      categoriesInferred = true;
      if (categories.length === 0) {
        this.ctx.add(
          'missing_category',
          file,
          [...path, 'categories'],
          `no category has ${entry.provisions!.join(', ')} as its designation clause; give the category (${[...this.categories.keys()].join(', ')})`,
        );
        return undefined;
      }
    }

    const source = entry.source ?? defaultSource;
    if (source === undefined) {
      if (reportMissingSource) this.ctx.add('missing_source', file, [...path, 'source'], 'no source: give the entry a source, or the snapshot one');
      return undefined;
    }
    if (entry.source !== undefined) this.ctx.source(file, [...path, 'source'], entry.source);

    return {
      id: authorityId(state.alpha3.toLowerCase(), entry.id ?? authoritySlug(entry.name)),
      name: entry.name,
      state: state.alpha2,
      categories,
      categoriesInferred,
      designatedUnder,
      designationInferred,
      ...details(entry),
      source: sourceId(source),
      ...defined({ locator: entry.locator }),
      snapshot: snapshot.id,
    };
  }

  // participation ----------------------------------------------------------------------------------------------
  addParticipation(file: string, data: ParticipationFile): void {
    const files = new Set([...this.participation.map((p) => p.file), ...this.figures.map((f) => f.file)]);
    if (files.has(data.id)) {
      this.ctx.add('duplicate_id', file, ['id'], `participation file "${data.id}" is already loaded (give the file another id)`);
      return;
    }
    const instrument = (path: Path, id: string): InstrumentId | undefined => {
      if (this.ctx.instruments.has(id)) return instrumentId(id);
      this.ctx.add('unknown_instrument', file, path, `instrument "${id}" is not defined`, closest(id, this.ctx.instruments.keys()));
      return undefined;
    };
    const figureKeys = new Set(this.figures.map((f) => `${f.instrument}|${f.asOf}|${f.source}`));
    data.figures?.forEach((f, i) => {
      const path: Path = ['figures', i];
      this.ctx.source(file, [...path, 'source'], f.source);
      const id = instrument([...path, 'instrument'], f.instrument);
      if (!id) return;
      const key = `${id}|${f.asOf}|${f.source}`;
      if (figureKeys.has(key)) {
        this.ctx.add('duplicate_record', file, path, `figures for ${id} as at ${f.asOf} from ${f.source} are given twice`);
        return;
      }
      figureKeys.add(key);
      this.figures.push({
        instrument: id,
        ...defined({ signatories: f.signatories, parties: f.parties }),
        asOf: f.asOf,
        source: sourceId(f.source),
        ...defined({ locator: f.locator }),
        file: data.id,
      });
    });
    const recordKeys = new Set(this.participation.map((p) => `${p.state}|${p.instrument}|${p.asOf}|${p.source}`));
    data.records?.forEach((r, i) => {
      const path: Path = ['records', i];
      this.ctx.source(file, [...path, 'source'], r.source);
      const state = this.state(file, [...path, 'state'], r.state);
      const id = instrument([...path, 'instrument'], r.instrument);
      if (!state || !id) return;
      let ok = true;
      for (const key of ['signature', 'consentDate'] as const) {
        const date = r[key];
        if (date !== undefined && date > r.asOf) {
          this.ctx.add('date_after_as_of', file, [...path, key], `${key} ${date} is after the record's "as at" date ${r.asOf}`);
          ok = false;
        }
      }
      if (r.signature && r.consentDate && r.consent !== 'accession' && r.consent !== 'succession' && r.consentDate < r.signature) {
        this.ctx.add('invalid_date', file, [...path, 'consentDate'], `${r.consent} on ${r.consentDate} comes before the signature on ${r.signature}`);
        ok = false;
      }
      const key = `${state.alpha2}|${id}|${r.asOf}|${r.source}`;
      if (recordKeys.has(key)) {
        this.ctx.add('duplicate_record', file, path, `${state.alpha2}'s participation in ${id} as at ${r.asOf} from ${r.source} is given twice`);
        ok = false;
      }
      if (!ok) return;
      recordKeys.add(key);
      this.participation.push({
        state: state.alpha2,
        instrument: id,
        ...defined({ signature: r.signature }),
        ...(r.consent !== undefined && { consent: { kind: r.consent, date: r.consentDate! } }),
        asOf: r.asOf,
        source: sourceId(r.source),
        ...defined({ locator: r.locator, note: r.note }),
        file: data.id,
        example: data.example,
      });
    });
  }

  /** The records, for the dataset. States are sorted by alpha-2. */
  finish() {
    return {
      categories: [...this.categories.values()],
      snapshots: [...this.snapshots.values()],
      authorities: this.authorities,
      states: [...this.states.values()].sort((a, b) => a.alpha2.localeCompare(b.alpha2)),
      participation: this.participation,
      participationFigures: this.figures,
    };
  }
}
