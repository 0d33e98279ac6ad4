import { describe, expect, it } from 'vitest'
import { randomId } from '../../../src-central/random-id'

describe('randomId (booking, waitlist and allotment ids)', () => {
  it('is the prefix and 12 random bytes as upper-case hex', () => {
    expect(randomId('B')).toMatch(/^B[0-9A-F]{24}$/)
    expect(randomId('W')).toMatch(/^W[0-9A-F]{24}$/)
  })

  it('never repeats, across many refills of its pool', () => {
    const ids = Array.from({ length: 5_000 }, () => randomId('A'))
    expect(new Set(ids).size).toBe(ids.length)
  })
})
