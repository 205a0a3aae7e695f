import { describe, expect, it } from 'vitest';
import { dashes, hatch } from './hatch.ts';

const ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('hatching and dashes', () => {
  it('hatches a square with diagonal segments that stay inside it and skip a hole', () => {
    const lines = hatch([ring], 0.1);
    expect(lines.length).toBeGreaterThan(10);
    for (const seg of lines)
      for (const [x, y] of seg) {
        expect(x).toBeGreaterThanOrEqual(-1e-9);
        expect(x).toBeLessThanOrEqual(1 + 1e-9);
        expect(y).toBeGreaterThanOrEqual(-1e-9);
        expect(y).toBeLessThanOrEqual(1 + 1e-9);
      }
    const hole = [
      [0.4, 0.4],
      [0.6, 0.4],
      [0.6, 0.6],
      [0.4, 0.6],
      [0.4, 0.4],
    ];
    expect(hatch([ring, hole], 0.1).length).toBeGreaterThan(lines.length);
  });

  it('cuts an outline into dashes with gaps of the same length', () => {
    const line = [
      [0, 0],
      [1, 0],
    ];
    const cut = dashes(line, 0.1);
    expect(cut.length).toBe(5);
    expect(cut[0]).toEqual([
      [0, 0],
      [0.1, 0],
    ]);
  });
});
