import { describe, expect, it } from 'vitest';
import { activeStatePaths } from '../../src/inspect/activeStatePaths.ts';

describe('activeStatePaths', () => {
  it('reads leaves from strings and regions from objects, recursively', () => {
    expect(activeStatePaths('idle')).toEqual(['idle']);
    expect(activeStatePaths({ process: 'review', notice: { pending: 'waiting' }, secrecy: {} })).toEqual(['process.review', 'notice.pending.waiting', 'secrecy']);
    expect(activeStatePaths(undefined)).toEqual([]);
  });
});
