/**
 * The lookup index writes what it derives per provision (views, labels, ancestry, the addressing table below and
 * above each provision, the walk of each instrument) the first time a lookup asks for it. These tests check that
 * what it answers does not depend on what was asked before: a fresh index asked in document order and another asked
 * in reverse order agree on every lookup of every provision and instrument, and the addressing table agrees with the
 * same table built for the whole graph at once.
 */
import { describe, expect, test } from 'vitest';
import { resolveCitation } from '../../src/citation/resolve.js';
import { loadCore } from '../../src/core.js';
import { belowEach } from '../../src/lookup/addressing.js';
import type { GraphIndex } from '../../src/lookup/build.js';
import { instrumentAsProvision, type ProvisionId } from '../../src/model/ids.js';
import { toolsAddressing } from '../../src/query/tools.js';

const reference = loadCore();
const ids: readonly ProvisionId[] = [...reference.dataset.instruments.map((i) => instrumentAsProvision(i.iri)), ...reference.dataset.provisions.map((p) => p.id)];

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

describe('the lazily built index', () => {
  test('asked in reverse order, a fresh index gives every lookup of every provision and instrument as in document order', () => {
    const forward = loadCore(reference.dataset).index;
    const backward = loadCore(reference.dataset).index;
    const first = ids.map((id) => lookups(forward, id));
    const second = [...ids].reverse().map((id) => lookups(backward, id)).reverse();
    expect(second).toEqual(first);
  });

  test('toolsAddressing on a fresh graph gives the same answers whichever provision is asked first', () => {
    const match = ['exact', 'broader', 'narrower', 'related'] as const;
    const forward = loadCore(reference.dataset);
    const backward = loadCore(reference.dataset);
    const first = ids.map((id) => toolsAddressing(forward, id, { match }));
    const second = [...ids].reverse().map((id) => toolsAddressing(backward, id, { match })).reverse();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  test('the addressed provisions below and above each provision are those of the table built for the whole graph at once', () => {
    const { index } = loadCore(reference.dataset);
    const addressed = ids.filter((id) => index.addressesTo(id).length > 0);
    const whole = belowEach(addressed, index);
    for (const id of ids) {
      expect(index.addressedBelow(id)).toEqual(whole.below.get(id) ?? []);
      expect(index.narrowerOf(id)).toEqual(whole.byDepth.get(id) ?? []);
      expect(index.broaderAddressedOf(id)).toEqual(index.broaderOf(id).filter((b) => index.addressersOf(b.id).length > 0));
    }
  });

  test('a citation resolves through the walk of its instrument, whichever instrument was walked first', () => {
    const citations = ['SOM Protocol art. 8(6)', 'art. 27 para. 1(e)', 'TIP Protocol art. 6(3)(a)', 'Model Law art. 5.A', 'art. 2(a)'];
    const forward = citations.map((c) => resolveCitation(loadCore(reference.dataset), c).targets);
    const once = loadCore(reference.dataset);
    const backward = [...citations].reverse().map((c) => resolveCitation(once, c).targets).reverse();
    expect(backward).toEqual(forward);
  });
});
