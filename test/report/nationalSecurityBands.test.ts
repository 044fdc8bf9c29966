import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NationalSecurityBands } from '../../src/domain/policy.ts';
import { BAND_STRUCTURES } from '../../src/report/bandStructures.ts';
import { bandValue, type NationalSecurityCase, nationalSecurityLines } from '../../src/report/nationalSecurityLines.ts';
import { parsePeriod } from '../../src/report/ReportPeriod.ts';
import { H1, fisa, nsl } from './summaryFixtures.ts';

const lines = (cases: NationalSecurityCase[], structure: NationalSecurityBands, date: string, period = H1) =>
  Object.fromEntries(nationalSecurityLines(cases, { structure, period, date }).map((l) => [l.id, l.text]));
const asNsl = (s: ReturnType<typeof nsl>): NationalSecurityCase => ({ summary: s, process: 'nsl' });
const asFisa = (s: ReturnType<typeof fisa>): NationalSecurityCase => ({ summary: s, process: 'fisa' });

describe('bands (50 U.S.C. 1874(a), DOMAIN §6)', () => {
  it.each([
    [1000, 0, '0-999'],
    [1000, 999, '0-999'],
    [1000, 1000, '1000-1999'],
    [500, 0, '0-499'],
    [500, 499, '0-499'],
    [500, 500, '500-999'],
    [250, 249, '0-249'],
    [250, 250, '250-499'],
    [100, 99, '0-99'],
    [100, 100, '100-199'],
  ])('bands of %i put %i in %s while a counted case is gagged', (size, total, text) => {
    const value = bandValue(total, 0, false, size);
    expect(value.status).toBe('band');
    if (value.status === 'band') expect(`${value.low}-${value.high}`).toBe(text);
  });

  it('raises the lower bound to the cases already public, never past the band', () => {
    expect(bandValue(3, 1, false, 500)).toEqual({ status: 'band', low: 1, high: 499 });
    expect(bandValue(1200, 3, false, 1000)).toEqual({ status: 'band', low: 1000, high: 1999 });
  });

  it('is exact only when something was received and no counted case is gagged; nothing received is still the lowest band', () => {
    expect(bandValue(3, 3, true, 500)).toEqual({ status: 'exact', count: 3 });
    expect(bandValue(0, 0, true, 250)).toEqual({ status: 'band', low: 0, high: 249 });
  });

  it('never gives an exact number, and always a band holding the true count, while any counted NSL is gagged', () => {
    const structures = Object.values(BAND_STRUCTURES).filter((s) => !s.annual).map((s) => s.id);
    const counts = fc.integer({ min: 1, max: 1100 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n })));
    fc.assert(
      fc.property(counts, fc.constantFrom(...structures), ([n, lifted, accounts], structure) => {
        const cases = Array.from({ length: n }, (_, i) => asNsl(nsl(i < lifted ? '2026-05-01' : null, { account: `a${i % accounts}` })));
        const [letterLine, selectorLine] = nationalSecurityLines(cases, { structure, period: H1, date: '2027-01-15' });
        for (const [line, truth] of [[letterLine, n], [selectorLine, accounts]] as const) {
          expect(line?.value.status).toBe('band');
          if (line?.value.status === 'band') {
            expect(line.value.low).toBeLessThanOrEqual(truth);
            expect(line.value.high).toBeGreaterThanOrEqual(truth);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('national-security lines', () => {
  it('keeps NSLs and FISA content and non-content apart in bands of 1000 and 500', () => {
    const cases = [asNsl(nsl()), asFisa(fisa(['content'])), asFisa(fisa(['nonContentRecords']))];
    expect(Object.keys(lines(cases, 'bands1000', '2027-01-15'))).toEqual(['nsl.letters', 'nsl.selectors', 'fisa.content.orders', 'fisa.content.selectors', 'fisa.nonContent.orders', 'fisa.nonContent.selectors']);
    expect(Object.values(lines(cases, 'bands500', '2027-01-15'))).toEqual(['0-499', '0-499', '0-499', '0-499', '0-499', '0-499']);
    expect(lines(cases, 'bands250', '2027-01-15')).toEqual({ 'nationalSecurity.process': '0-249', 'nationalSecurity.selectors': '0-249' });
  });

  it('counts a lifted gag: the lower bound moves, and with every gag lifted the line is exact', () => {
    const cases = [asNsl(nsl('2026-09-01')), asNsl(nsl()), asNsl(nsl())];
    expect(lines(cases, 'bands500', '2026-08-31')['nsl.letters']).toBe('0-499');
    expect(lines(cases, 'bands500', '2026-09-01')['nsl.letters']).toBe('1-499');
    const allLifted = [asNsl(nsl('2026-09-01')), asNsl(nsl('2026-10-01'))];
    expect(lines(allLifted, 'bands500', '2026-09-30')['nsl.letters']).toBe('1-499');
    expect(lines(allLifted, 'bands500', '2026-10-01')).toMatchObject({ 'nsl.letters': '2', 'nsl.selectors': '2' });
  });

  it('counts selectors as distinct accounts, exact only when no letter naming any of them is gagged', () => {
    const sameAccount = [asNsl(nsl('2026-05-01', { account: 'x' })), asNsl(nsl(null, { account: 'x' }))];
    expect(lines(sameAccount, 'bands1000', '2026-07-01')).toMatchObject({ 'nsl.letters': '1-999', 'nsl.selectors': '1-999' });
  });

  it('holds FISA numbers until 180 days after the period ends (1874(b)); NSL lines are reportable once it has ended', () => {
    const cases = [asNsl(nsl()), asFisa(fisa())];
    expect(lines(cases, 'bands1000', '2026-06-29')['nsl.letters']).toBe('not yet reportable (from 2026-06-30)');
    const atEnd = lines(cases, 'bands1000', '2026-06-30');
    expect(atEnd['nsl.letters']).toBe('0-999');
    expect(atEnd['fisa.content.orders']).toBe('not yet reportable (from 2026-12-27)');
    expect(lines(cases, 'bands1000', '2026-12-26')['fisa.content.orders']).toBe('not yet reportable (from 2026-12-27)');
    expect(lines(cases, 'bands1000', '2026-12-27')['fisa.content.orders']).toBe('0-999');
    expect(lines(cases, 'bands250', '2026-12-26')['nationalSecurity.process']).toBe('not yet reportable (from 2026-12-27)');
  });

  it('reports an annual structure only for a year, and a semiannual one only for a half-year', () => {
    const cases = [asNsl(nsl())];
    const [half] = nationalSecurityLines(cases, { structure: 'annualBands100', period: H1, date: '2027-07-01' });
    expect(half?.value).toMatchObject({ status: 'notInThisReport', reason: expect.stringMatching(/--period 2026$/) as unknown });
    expect(lines(cases, 'annualBands100', '2027-07-01', parsePeriod('2026'))['nationalSecurity.process']).toBe('0-99');
    expect(lines(cases, 'bands500', '2027-07-01', parsePeriod('2026'))['nsl.letters']).toBe('not in this report');
  });
});
