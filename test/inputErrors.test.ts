import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { IsoDate } from '../src/domain/date.ts';
import { fromZod } from '../src/domain/InputError.ts';
import { parseEvent } from '../src/domain/parseEvent.ts';
import { inputErrorOf } from './support/inputErrorOf.ts';

const zodError = (schema: z.ZodType, value: unknown, where: string) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return fromZod(parsed.error, value, where);
};

describe('an input error’s fix is something to do, never the problem again', () => {
  it.each([
    ['a day that does not exist', '2026-02-30', 'is no day of the calendar', 'give a day that exists: months have 28 to 31 days, February 29 only in leap years'],
    ['a date not zero-padded', '2026-3-25', 'is not a date written YYYY-MM-DD', 'write it like 2026-03-01: four-digit year, two-digit month, two-digit day'],
    ['a date before 1970, where day numbers and reporting periods begin', '0000-01-01', 'is before 1970', 'give a date from 1970-01-01 on'],
    ['a date so late that a case’s deadlines would fall past year 9999', '9800-01-01', 'is after 9799-12-31, the latest date dueprocess counts to', 'give a date from 1970-01-01 to 9799-12-31'],
  ])('%s', (_what, value, problem, fix) => {
    const error = zodError(IsoDate, value, 'on');
    expect([error.field, error.value, error.problem, error.fix]).toEqual(['on', value, problem, fix]);
  });

  it('a misspelt field is named, with the field it meant, rather than the field it leaves missing', () => {
    const schema = z.object({ receivedOn: z.string(), account: z.string() }).strict();
    const error = zodError(schema, { recievedOn: '2026-01-15', account: 'a' }, 'request');
    expect([error.field, error.value, error.problem, error.fix]).toEqual(['request.recievedOn', '2026-01-15', 'is not a field here; did you mean receivedOn?', 'rename recievedOn to receivedOn']);
    const unrelated = zodError(schema, { colour: 'red', account: 'a' }, 'request');
    expect([unrelated.field, unrelated.problem, unrelated.fix]).toEqual(['request.receivedOn', 'is missing', 'give a string']);
  });

  it('a number that is not whole says so, and asks for a whole number', () => {
    const error = zodError(z.object({ day: z.number().int() }), { day: 1.5 }, 'events[0]');
    expect([error.field, error.problem, error.fix]).toEqual(['events[0].day', 'is not a whole number', 'give a whole number']);
  });

  it('an unknown event type names the type field and the nearest type, not every type there is', () => {
    const schema = z.discriminatedUnion('type', [z.object({ type: z.literal('review.completed') }), z.object({ type: z.literal('notice.sent') })]);
    const error = zodError(z.object({ event: schema }), { event: { type: 'review.complete' } }, 'events[0]');
    expect([error.field, error.value, error.problem, error.fix]).toEqual(['events[0].event.type', 'review.complete', 'is not one of the types this takes', 'did you mean "review.completed"?']);
    expect(zodError(schema, { type: 'zzz' }, 'event').fix).toBe('use one of "review.completed", "notice.sent"');
  });

  it('a bound that excludes its limit asks for more than it, not at least it', () => {
    expect(zodError(z.object({ days: z.number().int().positive() }), { days: 0 }, 'request.secrecyOrder').fix).toBe('give more than 0');
    expect(zodError(z.number().min(1), 0, 'n').fix).toBe('give at least 1');
    expect(zodError(z.number().lt(10), 10, 'n').fix).toBe('give less than 10');
    expect(zodError(z.number().max(9), 10, 'n').fix).toBe('give at most 9');
  });

  it('an unknown event type names the type field and the nearest vocabulary type', () => {
    const typo = inputErrorOf(() => parseEvent({ type: 'notice.snet' }, 'event'));
    expect([typo.field, typo.value, typo.problem]).toEqual(['event.type', 'notice.snet', 'is not an event type of the vocabulary']);
    expect(typo.fix).toBe('did you mean "notice.sent"?');
    const none = inputErrorOf(() => parseEvent({ kind: 'x' }, 'body'));
    expect([none.field, none.value, none.problem]).toEqual(['body.type', undefined, 'is not an event type']);
    expect(none.fix).toMatch(/^use one of the vocabulary's types: review\.completed, .*enforcingAuthority\.refused$/);
  });
});
