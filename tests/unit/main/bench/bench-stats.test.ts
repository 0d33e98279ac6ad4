/** The bench's arithmetic: a wrong percentile or ratio would print a false table. */
import { describe, expect, it } from 'vitest'
import { percentile, perSecond, ratio } from '../../../../src-main/bench/bench-stats'
import { formatNumber, notMeasured, renderTable, type BenchRow } from '../../../../src-main/bench/bench-table'

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of ascending samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 95)).toBe(95)
    expect(percentile(samples, 99)).toBe(99)
    expect(percentile(samples, 100)).toBe(100)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([1, 2, 3], 95)).toBe(3)
    expect(() => percentile([], 50)).toThrow()
    expect(() => percentile([1], 0)).toThrow()
  })

  it('divides by the baseline only when there is one, and rates events over milliseconds', () => {
    expect(ratio(50, 200)).toBe(0.25)
    expect(ratio(3, 0)).toBeNaN()
    expect(ratio(3, Number.POSITIVE_INFINITY)).toBeNaN()
    expect(perSecond(500, 250)).toBe(2000)
    expect(perSecond(5, 0)).toBeNaN()
  })

  it('prints n/a for a ratio that has no baseline, and one table line per row', () => {
    expect(formatNumber(Number.NaN, 2)).toBe('n/a')
    expect(formatNumber(25_000)).toBe('25,000')
    expect(formatNumber(0.256, 2)).toBe('0.26')
    const rows: BenchRow[] = [
      { id: 'a', what: 'x', result: '1', baseline: 'b', goal: 'g', met: true, data: {} },
      { id: 'b', what: 'y', result: '2', baseline: '', goal: '', met: false, data: {} },
      notMeasured('c', 'z', '< 1 s', 'not yet'),
    ]
    expect(renderTable(rows).split('\n')).toEqual([
      '| what | result | baseline (same run) | goal | met |',
      '| --- | --- | --- | --- | --- |',
      '| x | 1 | b | g | yes |',
      '| y | 2 |  |  | NO |',
      '| z | n/a — not yet |  | < 1 s |  |',
    ])
  })
})
