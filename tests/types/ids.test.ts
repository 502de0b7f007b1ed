/**
 * Branded ids at the type level (checked by `tsc --noEmit`, which includes tests): a function that wants a
 * `ProvisionId` refuses a `ToolId`, a label or any other id, and the ids minted by `model/ids.ts` have their brands.
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  instrumentAsProvision,
  instrumentIri,
  mintEid,
  provisionId,
  themeId,
  toolId,
  toolIri,
  type Eid,
  type InstrumentId,
  type InstrumentIri,
  type ProvisionId,
  type ThemeId,
  type ToolId,
  type ToolIri,
} from '../../src/model/ids.js';

const untoc = instrumentIri('eli/un/convention/2000/untoc');
const eid = mintEid([{ element: 'art', num: '27' }]);
const tool = toolId('legislative-guides');

/** Stands for any function that wants a provision. */
function wantsProvision(id: ProvisionId): string {
  return id;
}

describe('branded ids', () => {
  test('minting gives each id its brand', () => {
    expectTypeOf(untoc).toEqualTypeOf<InstrumentIri>();
    expectTypeOf(eid).toEqualTypeOf<Eid>();
    expectTypeOf(provisionId(untoc, eid)).toEqualTypeOf<ProvisionId>();
    expectTypeOf(instrumentAsProvision(untoc)).toEqualTypeOf<ProvisionId>();
    expectTypeOf(tool).toEqualTypeOf<ToolId>();
    expectTypeOf(toolIri(tool)).toEqualTypeOf<ToolIri>();
    expectTypeOf(themeId('law-enforcement-cooperation')).toEqualTypeOf<ThemeId>();
  });

  test('a ToolId, a label or another id is refused where a ProvisionId goes', () => {
    expectTypeOf<ToolId>().not.toMatchTypeOf<ProvisionId>();
    expectTypeOf<ToolIri>().not.toMatchTypeOf<ProvisionId>();
    expectTypeOf<InstrumentIri>().not.toMatchTypeOf<ProvisionId>();
    expectTypeOf<InstrumentId>().not.toMatchTypeOf<ProvisionId>();
    expectTypeOf<Eid>().not.toMatchTypeOf<ProvisionId>();
    expectTypeOf<string>().not.toMatchTypeOf<ProvisionId>();
    // A ProvisionId is still a string wherever a string goes.
    expectTypeOf<ProvisionId>().toMatchTypeOf<string>();

    wantsProvision(provisionId(untoc, eid));
    // @ts-expect-error a ToolId is not a ProvisionId
    wantsProvision(tool);
    // @ts-expect-error nor is a tool IRI
    wantsProvision(toolIri(tool));
    // @ts-expect-error nor an instrument IRI (use instrumentAsProvision)
    wantsProvision(untoc);
    // @ts-expect-error nor an eId
    wantsProvision(eid);
    // @ts-expect-error nor a plain string
    wantsProvision('https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27');
    // @ts-expect-error the instrument id goes first, then the eId
    provisionId(eid, untoc);
  });
});
