import { describe, expect, it } from 'vitest';
import { INTAKE_SCHEMAS } from '../../examples/caseTool/intakeSchemas.ts';
import { searchWarrantEntry } from '../../machines/searchWarrant.ts';
import { civilSubpoenaEntry } from '../../machines/civilSubpoena.ts';
import { findKind } from '../../machines/catalogue.ts';
import { rawRequest } from '../support/demandFixtures.ts';

// rawRequest receives on 2026-03-02. Random walks start only from valid inputs, so the two intakes are held together here.
const cases: [string, Record<string, unknown>][] = [
  ['a process dated after receipt', { issuedOn: '2026-03-03' }],
  ['a process dated on receipt', { issuedOn: '2026-03-02' }],
  ['a gag order dated after receipt', { secrecyOrder: { days: 30, issuedOn: '2026-03-03' } }],
  ['a gag order run out before receipt', { secrecyOrder: { days: 29, issuedOn: '2026-01-31' } }],
  ['a gag order whose last day is the day of receipt', { secrecyOrder: { days: 30, issuedOn: '2026-01-31' } }],
  ['a gag order with days left', { secrecyOrder: { days: 365, issuedOn: '2026-01-31' } }],
];

describe('the reference case tool and the model refuse the same dated intakes', () => {
  it.each(cases)('%s', (_what, fields) => {
    const request = rawRequest('searchWarrant', fields);
    expect(INTAKE_SCHEMAS.searchWarrant.safeParse(request).success).toBe(searchWarrantEntry.requestSchema.safeParse(request).success);
  });

  it.each([
    ['on receipt', '2026-03-02'],
    ['the day after', '2026-03-03'],
  ])('a compliance date %s', (_what, complyBy) => {
    const request = rawRequest('civilSubpoena', { complyBy });
    expect(INTAKE_SCHEMAS.civilSubpoena.safeParse(request).success).toBe(civilSubpoenaEntry.requestSchema.safeParse(request).success);
  });

  it.each([
    ['a European Production Order for records, its enforcing authority notified', 'euProductionOrder', { categories: ['basicSubscriberInfo', 'nonContentRecords'], enforcingStateNotified: true }, true],
    ['one for subscriber data only that claims a notification', 'euProductionOrder', { categories: ['basicSubscriberInfo'], enforcingStateNotified: true }, false],
    ['a subpoena that claims one', 'subpoena', { enforcingStateNotified: true }, false],
  ] as const)('%s', (_what, kind, fields, valid) => {
    const request = rawRequest(kind, fields);
    const tool = INTAKE_SCHEMAS[kind].safeParse(request);
    expect(tool.success).toBe(valid);
    expect(findKind(kind)?.requestSchema.safeParse(request).success).toBe(valid);
    if (!valid) expect(tool.error?.issues[0]?.path).toEqual(['enforcingStateNotified']);
  });
});

