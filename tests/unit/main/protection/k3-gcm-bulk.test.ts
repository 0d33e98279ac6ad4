import { createCipheriv, createSecretKey, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gcmBulkSealer } from '../../../../src-main/protection/gcm-bulk'
import { createFieldProtector, newDataKey } from '../../../../src-main/protection/field-protector'

/** OpenSSL's AES-256-GCM through node:crypto, laid out as the bulk sealer answers: IV ‖ tag ‖ ciphertext. */
function openssl(key: Buffer, iv: Buffer, aad: Buffer, clear: string): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(aad)
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body])
}

describe('K3 at rest: AES-256-GCM for a chunk of values (an import, #8)', () => {
  it('K3: every value is sealed byte for byte as OpenSSL seals it, for any key, IV, associated data and text', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 0, maxLength: 40 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 70 }), { minLength: 1, maxLength: 12 }),
        (keyBytes, aadBytes, clears) => {
          const key = Buffer.from(keyBytes)
          const aad = Buffer.from(aadBytes)
          const ivs = randomBytes(12 * clears.length)
          const sealed = gcmBulkSealer(createSecretKey(key), aad).sealAll(clears, ivs)
          expect(sealed.map((s) => s.toString('hex'))).toEqual(
            clears.map((clear, i) => openssl(key, ivs.subarray(i * 12, i * 12 + 12), aad, clear).toString('hex')),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('K3: the same sealer seals chunk after chunk, each as OpenSSL does (no state carried over)', () => {
    const key = randomBytes(32)
    const sealer = gcmBulkSealer(createSecretKey(key), Buffer.from('phone'))
    for (const chunk of [['13800008008', ''], ['a'.repeat(16), 'b'.repeat(17), '测试€'], ['13900001111']]) {
      const ivs = randomBytes(12 * chunk.length)
      const sealed = sealer.sealAll(chunk, ivs)
      chunk.forEach((clear, i) => expect(sealed[i]).toEqual(openssl(key, ivs.subarray(i * 12, i * 12 + 12), Buffer.from('phone'), clear)))
    }
  })

  it('K3: refuses a chunk with fewer IVs than values (an IV is never reused)', () => {
    const sealer = gcmBulkSealer(createSecretKey(randomBytes(32)), Buffer.from('phone'))
    expect(() => sealer.sealAll(['1', '2'], randomBytes(12))).toThrow('one IV per value')
  })

  it('K3: encryptMany seals what decrypt opens, field bound, with a fresh IV per value', () => {
    const protector = createFieldProtector(newDataKey())
    const numbers = ['120104200403151239', '120104200403151239', 'A1234563', '']
    const sealed = protector.encryptMany('idNumber', numbers)
    expect(sealed.map((s) => protector.decrypt('idNumber', s))).toEqual(numbers)
    expect(sealed[0]).not.toBe(sealed[1])
    expect(new Set(sealed.map((s) => s.slice(0, 19))).size).toBe(numbers.length)
    expect(() => protector.decrypt('phone', sealed[0]!)).toThrow()
    const flipped = sealed[2]!.slice(0, -2) + (sealed[2]!.endsWith('A') ? 'B' : 'A') + sealed[2]!.slice(-1)
    expect(() => protector.decrypt('idNumber', flipped)).toThrow()
  })
})
