import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskPhone } from '../../../src-shared/domain/masking'

describe('K3 masking', () => {
  it.each([
    ['12001000008', '1200****0008'], // as the seeds' screenshots show it
    ['120104200403151239', '1201****1239'],
    ['99300000000000000000', '9930****0000'],
    ['A1234563', 'A1****63'],
    ['12345678', '12****78'],
    ['E12', 'E****2'],
    ['X', '****'],
  ])('K3: %s is shown as %s', (idNumber, masked) => {
    expect(maskIdNumber(idNumber)).toBe(masked)
  })

  it('K3: a masked ID number always hides part of it', () => {
    for (const n of ['123', '1234', '12345', '1234567890', '12345678901']) {
      const masked = maskIdNumber(n)
      expect(masked).toContain('****')
      expect(masked.replace('****', '').length).toBeLessThan(n.length)
    }
  })

  it('K3: the bound phone is shown as 199****0037', () => {
    expect(maskPhone('19912340037')).toBe('199****0037')
  })
})
