import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../support/inputErrorOf.ts';
import { reportFormat } from '../../src/report/renderReport.ts';
import { inPeriod, parsePeriod, reportDate } from '../../src/report/ReportPeriod.ts';

describe('report periods', () => {
  it('reads half-years and years, with inclusive first and last days', () => {
    expect(parsePeriod('2026H1')).toEqual({ id: '2026H1', from: '2026-01-01', to: '2026-06-30', annual: false });
    expect(parsePeriod('2026H2')).toEqual({ id: '2026H2', from: '2026-07-01', to: '2026-12-31', annual: false });
    expect(parsePeriod('2026')).toEqual({ id: '2026', from: '2026-01-01', to: '2026-12-31', annual: true });
  });

  it('places a day in the period holding it, both ends included', () => {
    const h1 = parsePeriod('2026H1');
    expect(['2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01'].map((d) => inPeriod(h1, d))).toEqual([false, true, true, false]);
  });

  it.each([['2026H3'], ['H1'], ['26H1'], ['2026h1'], [' 2026H1'], [2026]])('%j is an InputError naming the field, the value and the fix', (value) => {
    const error = inputErrorOf(() => parsePeriod(value, '--period'));
    expect(error).toMatchObject({ field: '--period', value, reason: 'invalid' });
    expect(error.message).toMatch(/^--period: is not a reporting period/);
    expect(error.fix).toMatch(/2026H1.*2026H2.*2026/);
  });
});

describe('report dates and formats', () => {
  it('accepts a real calendar day and names the field of a bad one', () => {
    expect(reportDate('2026-12-27', '--as-of')).toBe('2026-12-27');
    expect(inputErrorOf(() => reportDate('2026-02-30', '--as-of'))).toMatchObject({ field: '--as-of', value: '2026-02-30' });
    expect(inputErrorOf(() => reportDate('27/12/2026', '--published')).message).toMatch(/^--published: is not a date written YYYY-MM-DD \(got "27\/12\/2026"\)\. Fix: write it like 2026-03-01/);
  });

  it('knows md, json and csv, and names the fix for anything else', () => {
    expect(['md', 'json', 'csv'].map((f) => reportFormat(f))).toEqual(['md', 'json', 'csv']);
    const error = inputErrorOf(() => reportFormat('pdf', '--format'));
    expect(error).toMatchObject({ field: '--format', value: 'pdf', fix: 'use one of md, json, csv' });
  });
});
