/**
 * The data table's column widths (components/data-table/column-widths.ts): the px each column
 * gets, the way CSS grid would share a row among `Npx` and `minmax(Npx, Kfr)` columns. A wrong
 * width shows as a header out of line with its cells, or a column cut under its minimum.
 */
import { describe, expect, it } from 'vitest';
import { parseTrack, resolveTracks } from '@renderer/components/data-table/column-widths';

// The directory's columns (features/explorer/DirectoryTable.tsx): two default, four written.
const DIRECTORY = [
  'minmax(130px, 1fr)',
  'minmax(130px, 1fr)',
  'minmax(140px, 1.2fr)',
  '80px',
  'minmax(140px, 1.4fr)',
  'minmax(160px, 1.6fr)',
];

describe('resolveTracks', () => {
  it('shares the room the fixed columns leave by their fr, and fills the row', () => {
    const widths = resolveTracks(DIRECTORY, 1050, 8);
    // 1050 − 5 gaps of 8 − 80 fixed = 930 px for 6.2 shares: 150 px a share.
    expect(widths).toEqual([150, 150, 180, 80, 210, 240]);
    expect(widths.reduce((a, b) => a + b, 0) + 5 * 8).toBe(1050);
  });

  it('keeps a column at its minimum when its share would be smaller, and shares the rest among the others', () => {
    // 600 − 16 gaps − 100 fixed = 484; 2 shares → 242 > 200, but 1 share is 242 < 300.
    expect(resolveTracks(['100px', 'minmax(300px, 1fr)', 'minmax(50px, 1fr)'], 600, 8)).toEqual([100, 300, 184]);
  });

  it('gives every column its minimum when the row is narrower than their sum (the table then scrolls sideways)', () => {
    expect(resolveTracks(DIRECTORY, 300, 8)).toEqual([130, 130, 140, 80, 140, 160]);
    expect(resolveTracks(DIRECTORY, 0, 8)).toEqual([130, 130, 140, 80, 140, 160]);
  });

  it('rounds down to whole px, so the cells never add up past the row', () => {
    const widths = resolveTracks(['minmax(10px, 1fr)', 'minmax(10px, 1fr)', 'minmax(10px, 1fr)'], 1000, 0);
    expect(widths).toEqual([333, 333, 333]);
  });

  it('takes only part of the room for shares under one in total, as grid does', () => {
    expect(resolveTracks(['minmax(10px, 0.5fr)'], 400, 0)).toEqual([200]);
  });
});

describe('parseTrack', () => {
  it('reads the two forms the columns are written in', () => {
    expect(parseTrack('90px')).toEqual({ min: 90, fr: 0 });
    expect(parseTrack(' minmax(160px, 1.4fr) ')).toEqual({ min: 160, fr: 1.4 });
  });

  it('names a width it cannot lay out, rather than guessing one', () => {
    expect(() => parseTrack('auto')).toThrow(/"Npx" or "minmax\(Npx, Kfr\)"; got "auto"/);
    expect(() => parseTrack('minmax(auto, 1fr)')).toThrow(/got "minmax\(auto, 1fr\)"/);
  });
});
