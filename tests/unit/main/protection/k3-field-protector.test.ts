import { createHmac, hkdfSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createFieldProtector, newDataKey } from '../../../../src-main/protection/field-protector'

describe('K3 at rest: field protector (AES-256-GCM + HMAC index)', () => {
  const protector = createFieldProtector(newDataKey())

  it('K3: an ID number sealed and opened again is the same, and the sealed text does not contain it', () => {
    const sealed = protector.encrypt('idNumber', '120104200403151239')
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain('120104200403151239')
    expect(protector.decrypt('idNumber', sealed)).toBe('120104200403151239')
  })

  it('K3: sealing the same value twice gives different texts (fresh IV)', () => {
    expect(protector.encrypt('phone', '13800008008')).not.toBe(protector.encrypt('phone', '13800008008'))
  })

  it('K3: a value sealed as a phone cannot be opened as an ID number, and tampering is detected', () => {
    const sealed = protector.encrypt('phone', '13800008008')
    expect(() => protector.decrypt('idNumber', sealed)).toThrow()
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1)
    expect(() => protector.decrypt('phone', flipped)).toThrow()
  })

  it('K3: another key opens nothing and indexes differently', () => {
    const other = createFieldProtector(newDataKey())
    expect(() => other.decrypt('idNumber', protector.encrypt('idNumber', '12001000008'))).toThrow()
    expect(other.blindIndex('12001000008')).not.toBe(protector.blindIndex('12001000008'))
  })

  it('E2/K3: the blind index is the same for the same number, so a lookup is one index probe', () => {
    expect(protector.blindIndex('A1234563')).toBe(protector.blindIndex('A1234563'))
    expect(protector.blindIndex('A1234563')).not.toBe(protector.blindIndex('A1234564'))
    expect(protector.blindIndex('A1234563')).not.toContain('1234563')
  })

  it('K3: IVs drawn a block at a time never repeat, across blocks too (GCM needs a fresh IV per value)', () => {
    const ivs = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      const sealed = protector.encrypt('phone', '13900000001')
      ivs.add(Buffer.from(sealed.slice(3), 'base64url').subarray(0, 12).toString('hex'))
      expect(protector.decrypt('phone', sealed)).toBe('13900000001')
    }
    expect(ivs.size).toBe(3000)
  })

  it('refuses a data key of the wrong length', () => {
    expect(() => createFieldProtector(Buffer.alloc(16))).toThrow(/32 bytes/)
  })

  it('K3: the keyed hash is HMAC-SHA256 under the index key, for ASCII and longer UTF-8 values alike', () => {
    const dataKey = newDataKey()
    const indexKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'cet-kiosk blind index v1', 32))
    const p = createFieldProtector(dataKey)
    for (const value of ['', 'E12345678', '120104200403151239', '护照'.repeat(200), 'x'.repeat(1000)])
      expect(p.blindIndex(value)).toBe(createHmac('sha256', indexKey).update(value, 'utf8').digest('base64url'))
  })

  it('K3: values sealed one after another (IVs drawn a block at a time) each open, each under a fresh IV', () => {
    const clears = ['120104200403151239', '', '13800008008', '120104200403151239']
    const sealed = clears.map((c) => protector.encrypt('idNumber', c))
    expect(sealed.map((s) => protector.decrypt('idNumber', s))).toEqual(clears)
    expect(sealed[0]).not.toBe(sealed[3])
    expect(() => protector.decrypt('phone', sealed[2]!)).toThrow()
  })
})
