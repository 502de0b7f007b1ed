/**
 * What one build holds while it runs: the records read so far (by id), the issue list, the links waiting to be
 * resolved and the source references waiting to be checked. The concerns (`instruments.ts`, `tools.ts`, `links.ts`,
 * the directory pass) add to it; `build.ts` drives them and turns the state into a {@link Dataset}.
 *
 * @module
 */
import { parseCitation } from '../citation/parse.js';
import { resolveParsed, type StructureLookup } from '../citation/resolve.js';
import type { Dataset, InstrumentRecord, LinkRecord, PartRecord, ProvisionRecord, SourceRecord, ThemeRecord, ToolRecord } from '../model/dataset.js';
import type { SourcesFile } from '../model/files.js';
import { sourceId, sourceIri, type InstrumentId, type ProvisionId } from '../model/ids.js';
import { pushTo } from '../util/group.js';
import { DirectoryBuilder } from './directory.js';
import { Issues, type Path } from './issues.js';
import type { PendingLink } from './pending.js';

/** How messages name the `index`-th authority of a directory file (`entry 3`, or `row 4` for an import). */
export type EntryLabel = (file: string, index: number) => string;

/** The records of one build, and what is left to check once every file is in. */
export class BuildState implements StructureLookup {
  readonly issues = new Issues();
  readonly instruments = new Map<string, InstrumentRecord>();
  readonly provisions = new Map<string, ProvisionRecord>();
  readonly children = new Map<string, ProvisionId[]>();
  readonly chapters = new Map<string, ProvisionId[]>();
  readonly tools = new Map<string, ToolRecord>();
  readonly parts = new Map<string, PartRecord>();
  readonly themes = new Map<string, ThemeRecord>();
  readonly sources = new Map<string, SourceRecord>();
  readonly links = new Map<string, LinkRecord>();
  themeScheme: Dataset['themeScheme'] | undefined;
  /** Wording attached to the base dataset from treaty texts, carried over unchanged. */
  texts: Dataset['texts'];
  readonly pending: PendingLink[] = [];
  readonly sourceRefs: { file: string; path: Path; id: string }[] = [];
  readonly directory: DirectoryBuilder;

  constructor(entryLabel: EntryLabel = (_file, index) => `entry ${index + 1}`) {
    this.directory = new DirectoryBuilder({
      add: (code, file, path, message, suggestions) => this.issues.add(code, file, path, message, suggestions),
      instruments: this.instruments,
      tools: this.tools,
      parts: this.parts,
      addSources: (file, sources) => this.addSources(file, { sources }),
      resolve: (text) => resolveParsed('load', this, parseCitation(text, {}), text).targets,
      source: (file, path, id) => this.source(file, path, id),
      entryLabel,
    });
  }

  // StructureLookup ------------------------------------------------------------------------------------------
  instrumentRecord(id: string): InstrumentRecord | undefined {
    return this.instruments.get(id);
  }
  instrumentIds(): Iterable<string> {
    return this.instruments.keys();
  }
  provisionRecord(id: ProvisionId): ProvisionRecord | undefined {
    return this.provisions.get(id);
  }
  childrenOf(id: ProvisionId): readonly ProvisionId[] {
    return this.children.get(id) ?? [];
  }
  chaptersOf(instrument: InstrumentId): readonly ProvisionId[] {
    return this.chapters.get(instrument) ?? [];
  }

  /** Adds the records of an already built dataset, which the files read next add to. */
  addBase(base: Dataset): void {
    for (const r of base.instruments) this.instruments.set(r.id, r);
    for (const r of base.provisions) {
      this.provisions.set(r.id, r);
      this.children.set(r.id, [...r.children]);
      if (r.level === 'chapter') pushTo(this.chapters, r.instrument, r.id);
      else if (r.level === 'article') pushTo(this.children, r.parent, r.id);
    }
    for (const r of base.tools) this.tools.set(r.id, r);
    for (const r of base.parts) this.parts.set(r.id, r);
    for (const r of base.themes) this.themes.set(r.id, r);
    for (const r of base.sources) this.sources.set(r.id, r);
    for (const r of base.links) this.links.set(r.id, r);
    this.themeScheme = base.themeScheme;
    this.directory.addBase(base);
    this.texts = base.texts;
  }

  /** Records a source reference, checked by {@link checkSources} once every file is in. */
  source(file: string, path: Path, id: string): void {
    this.sourceRefs.push({ file, path, id });
  }

  /** Adds the sources a file defines. */
  addSources(file: string, data: Pick<SourcesFile, 'sources'>): void {
    data.sources.forEach((entry, i) => {
      if (this.sources.has(entry.id)) {
        this.issues.add('duplicate_id', file, ['sources', i, 'id'], `source "${entry.id}" is defined twice`);
        return;
      }
      const id = sourceId(entry.id);
      this.sources.set(entry.id, { ...entry, id, iri: sourceIri(id) });
    });
  }

  /** Reports every source reference to a source no file defines. */
  checkSources(): void {
    for (const ref of this.sourceRefs) {
      if (!this.sources.has(ref.id)) {
        this.issues.add('unknown_source', ref.file, ref.path, `source "${ref.id}" is not defined (see data/sources.yaml)`);
      }
    }
  }

  /** The dataset the build holds (call once every file is in and no issue was found). */
  finish(): Dataset {
    const provisions = [...this.provisions.values()].map((r) => ({ ...r, children: this.children.get(r.id) ?? r.children }));
    return {
      instruments: [...this.instruments.values()],
      provisions,
      tools: [...this.tools.values()],
      parts: [...this.parts.values()],
      themes: [...this.themes.values()],
      themeScheme: this.themeScheme ?? { title: 'Themes' },
      sources: [...this.sources.values()],
      links: [...this.links.values()],
      ...this.directory.finish(),
      ...(this.texts && { texts: this.texts }),
    };
  }
}
