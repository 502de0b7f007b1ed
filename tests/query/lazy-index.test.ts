/**
 * The lookup index has two modes with one set of builders: eager (the default) writes what it derives per provision
 * (views, labels, ancestry, the addressing table below and above each provision, the walk of each instrument) for
 * every provision when it is built; on demand writes each part the first time a lookup asks for it. These tests check
 * that the answers depend neither on the mode nor on what was asked before: a fresh on-demand index asked in
 * document order and another asked in reverse order agree with the eager index on every lookup of every provision and
 * instrument, and the addressing table of both agrees with the same table built for the whole graph at once.
 */
import { describe, expect, test } from 'vitest';
import { resolveCitation } from '../../src/citation/resolve.js';
import { loadCore, type KnowledgeGraphCore, type LoadCoreOptions } from '../../src/core.js';
import { UntocKgError } from '../../src/errors.js';
import { belowEach } from '../../src/lookup/addressing.js';
import type { GraphIndex } from '../../src/lookup/build.js';
import { instrumentAsProvision, type ProvisionId } from '../../src/model/ids.js';
import { toolsAddressing } from '../../src/query/tools.js';

const reference = loadCore();
const { dataset } = reference;
const ids: readonly ProvisionId[] = [...dataset.instruments.map((i) => instrumentAsProvision(i.iri)), ...dataset.provisions.map((p) => p.id)];
const onDemand = (): KnowledgeGraphCore => loadCore(dataset, { index: 'on-demand' });

/** Every per-provision lookup of `index` for `id`, as plain data. */
function lookups(index: GraphIndex, id: ProvisionId) {
  return {
    view: index.viewOf(id),
    label: index.labelOf(id),
    parents: index.parentsOf(id),
    ancestors: index.ancestorsOf(id),
    broader: index.broaderOf(id),
    children: index.childrenOf(id),
    descendants: index.descendantsOf(id),
    addressers: index.addressersOf(id).map((a) => [a.subject, a.links.map((l) => l.id)]),
    below: index.addressedBelow(id),
    narrower: index.narrowerOf(id),
    broaderAddressed: index.broaderAddressedOf(id),
  };
}

/** `ask` over every id, in document order or in reverse order (answers put back in document order). */
function asked<T>(order: 'forwards' | 'backwards', ask: (id: ProvisionId) => T): T[] {
  return order === 'forwards' ? ids.map(ask) : [...ids].reverse().map(ask).reverse();
}

const match = ['exact', 'broader', 'narrower', 'related'] as const;
const eagerLookups = ids.map((id) => lookups(reference.index, id));

describe('the index built on demand', () => {
  test.each(['forwards', 'backwards'] as const)('asked %s, a fresh index gives every lookup of every provision and instrument as the eager one', (order) => {
    const { index } = onDemand();
    expect(asked(order, (id) => lookups(index, id))).toEqual(eagerLookups);
  });

  test.each(['forwards', 'backwards'] as const)('toolsAddressing on a fresh graph, asked %s, gives the eager graph’s answers', (order) => {
    const eager = JSON.stringify(ids.map((id) => toolsAddressing(reference, id, { match })));
    const graph = onDemand();
    expect(JSON.stringify(asked(order, (id) => toolsAddressing(graph, id, { match })))).toBe(eager);
  });

  test.each([
    ['eager', loadCore(dataset)],
    ['on-demand', onDemand()],
  ] as const)('%s: the addressed provisions below and above each provision are those of the table built for the whole graph at once', (_, { index }) => {
    const addressed = ids.filter((id) => index.addressesTo(id).length > 0);
    const whole = belowEach(addressed, index);
    for (const id of ids) {
      expect(index.addressedBelow(id)).toEqual(whole.below.get(id) ?? []);
      expect(index.narrowerOf(id)).toEqual(whole.byDepth.get(id) ?? []);
      expect(index.broaderAddressedOf(id)).toEqual(index.broaderOf(id).filter((b) => index.addressersOf(b.id).length > 0));
    }
  });

  test('a citation resolves through the walk of its instrument, whichever instrument was walked first, as in the eager index', () => {
    const citations = ['SOM Protocol art. 8(6)', 'art. 27 para. 1(e)', 'TIP Protocol art. 6(3)(a)', 'Model Law art. 5.A', 'art. 2(a)', 'Firearms Protocol art. 99'];
    const resolve = (kg: KnowledgeGraphCore, c: string) => {
      try {
        return resolveCitation(kg, c).targets;
      } catch (error) {
        return (error as UntocKgError).code;
      }
    };
    const eager = citations.map((c) => resolve(reference, c));
    expect(citations.map((c) => resolve(onDemand(), c))).toEqual(eager);
    const once = onDemand();
    expect([...citations].reverse().map((c) => resolve(once, c)).reverse()).toEqual(eager);
  });

  test('each instrument’s chapters, and the lookups of a node that is not in the graph, are the same in both modes', () => {
    const { index } = onDemand();
    for (const i of dataset.instruments) expect(index.chaptersOf(i.id)).toEqual(reference.index.chaptersOf(i.id));
    const missing = 'https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_99' as ProvisionId;
    expect(lookups(index, missing)).toEqual(lookups(reference.index, missing));
  });

  test('both modes build an index with the same lookups in the same order (one object shape)', () => {
    expect(Object.keys(onDemand().index)).toEqual(Object.keys(reference.index));
  });

  test('loadCore refuses an index mode it does not know', () => {
    const bad = (index: unknown) => () => loadCore(dataset, { index } as LoadCoreOptions);
    expect(bad('lazy')).toThrow(UntocKgError);
    expect(bad('lazy')).toThrow(expect.objectContaining({ code: 'invalid_input', suggestions: ['eager', 'on-demand'] }));
    expect(bad(true)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
