/**
 * AES-256-GCM for many short values at once (K3, issue #8): byte for byte what node:crypto's
 * `aes-256-gcm` gives for the same key, IV and associated data (NIST SP 800-38D), so the values
 * are read back by the one decrypt path (field-protector.ts) and tests compare the two.
 *
 * Why: a million-row import seals two values a row, and node:crypto charges ~5 µs for each
 * (createCipheriv, setAAD, update, final, getAuthTag: five calls into OpenSSL, a cipher fetched
 * and keyed each time) while the AES itself is a few nanoseconds. Here the AES runs in OpenSSL
 * for a whole chunk in one call (the counter blocks of every value through one ECB cipher keyed
 * once); only GHASH, the tag's polynomial hash over a few 16-byte blocks, is computed here.
 *
 * GHASH uses Shoup's 4-bit tables (as OpenSSL's portable gcm_gmult_4bit does): 16 multiples of
 * the hash key H, and its lookups are not constant-time. That is acceptable for the import only:
 * whoever could time this thread's memory accesses runs code on the kiosk while it reads the
 * roster file, which holds every value in clear anyway. Everything else seals through OpenSSL.
 */
import { createCipheriv, type Cipher, type KeyObject } from 'node:crypto'

const IV_BYTES = 12
const TAG_BYTES = 16

/** The reduction of the four bits shifted out, as the top 16 bits of the first word (x^128 = x^7 + x^2 + x + 1). */
const REDUCE_4BIT = Int32Array.from(
  [0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0, 0xe100, 0xfd20, 0xd940, 0xc560, 0x9180, 0x8da0, 0xa9c0, 0xb5e0],
  (v) => v << 16,
)

/** n·H for the 16 values n of four bits, four 32-bit words each (big-endian, GCM's bit order). */
function multiplesOf(h: Buffer): Int32Array {
  const table = new Int32Array(64)
  let [v0, v1, v2, v3] = [h.readInt32BE(0), h.readInt32BE(4), h.readInt32BE(8), h.readInt32BE(12)]
  table.set([v0, v1, v2, v3], 8 * 4)
  for (const n of [4, 2, 1]) {
    // Times x: one bit to the right, reduced.
    const carry = v3 & 1
    v3 = (v3 >>> 1) | (v2 << 31)
    v2 = (v2 >>> 1) | (v1 << 31)
    v1 = (v1 >>> 1) | (v0 << 31)
    v0 = (v0 >>> 1) ^ (carry === 1 ? 0xe1000000 : 0)
    table.set([v0, v1, v2, v3], n * 4)
  }
  for (const n of [2, 4, 8]) for (let m = 1; m < n; m++) for (let w = 0; w < 4; w++) table[(n + m) * 4 + w] = table[n * 4 + w]! ^ table[m * 4 + w]!
  return table
}

/** GHASH's running value Y (four words): Y = (Y xor X)·H, for the block X given as four words. */
function absorb(y: Int32Array, table: Int32Array, x0: number, x1: number, x2: number, x3: number): void {
  const x = [y[0]! ^ x0, y[1]! ^ x1, y[2]! ^ x2, y[3]! ^ x3]
  let [z0, z1, z2, z3] = [0, 0, 0, 0]
  // From the last byte to the first, low nibble then high: Z = Z·x^4 + n·H.
  for (let w = 3; w >= 0; w--) {
    let word = x[w]!
    for (let b = 0; b < 4; b++, word >>>= 8) {
      for (let n = word & 0xf, k = 0; k < 2; k++, n = (word >>> 4) & 0xf) {
        const rem = z3 & 0xf
        z3 = (z3 >>> 4) | (z2 << 28)
        z2 = (z2 >>> 4) | (z1 << 28)
        z1 = (z1 >>> 4) | (z0 << 28)
        z0 = (z0 >>> 4) ^ REDUCE_4BIT[rem]!
        z0 ^= table[n * 4]!
        z1 ^= table[n * 4 + 1]!
        z2 ^= table[n * 4 + 2]!
        z3 ^= table[n * 4 + 3]!
      }
    }
  }
  y[0] = z0
  y[1] = z1
  y[2] = z2
  y[3] = z3
}

/** Absorbs `length` bytes of `bytes` from `at`, the last block padded with zeros. */
function absorbBytes(y: Int32Array, table: Int32Array, bytes: Buffer, at: number, length: number): void {
  for (let i = 0; i < length; i += 16) {
    const words = [0, 0, 0, 0]
    for (let k = 0; k < 16 && i + k < length; k++) words[k >> 2]! |= bytes[at + i + k]! << (24 - 8 * (k & 3))
    absorb(y, table, words[0]!, words[1]!, words[2]!, words[3]!)
  }
}

/** One field's sealing: each value's IV, tag and ciphertext, one after another. */
export interface GcmBulkSealer {
  /** `ivs` holds a fresh 12-byte IV per value. Answers IV ‖ tag ‖ ciphertext per value, as views of one buffer. */
  sealAll(clears: readonly string[], ivs: Buffer): Buffer[]
}

export function gcmBulkSealer(key: KeyObject, associatedData: Buffer): GcmBulkSealer {
  // ECB over counter blocks is CTR mode: GCM's keystream, and E(J0) for the tag. Keyed once.
  const blocks: Cipher = createCipheriv('aes-256-ecb', key, null)
  blocks.setAutoPadding(false)
  const table = multiplesOf(blocks.update(Buffer.alloc(16)))
  // The associated data is the same for every value: GHASH starts from its part.
  const afterAad = new Int32Array(4)
  absorbBytes(afterAad, table, associatedData, 0, associatedData.length)
  const aadBits = associatedData.length * 8
  const y = new Int32Array(4)

  return {
    sealAll(clears, ivs) {
      if (ivs.length < clears.length * IV_BYTES) throw new Error('one IV per value is needed')
      const lengths = clears.map((c) => Buffer.byteLength(c, 'utf8'))
      let counters = 0
      let total = 0
      for (const length of lengths) {
        counters += 1 + Math.ceil(length / 16)
        total += IV_BYTES + TAG_BYTES + length
      }
      // Counter blocks J0, J0+1, … of each value: its IV, then a 32-bit big-endian count from 1.
      const counterBlocks = Buffer.allocUnsafe(counters * 16)
      for (let i = 0, at = 0; i < clears.length; i++) {
        for (let k = 0; k <= Math.ceil(lengths[i]! / 16); k++, at += 16) {
          ivs.copy(counterBlocks, at, i * IV_BYTES, (i + 1) * IV_BYTES)
          counterBlocks.writeUInt32BE(k + 1, at + IV_BYTES)
        }
      }
      const keystream = blocks.update(counterBlocks)
      const out = Buffer.allocUnsafe(total)
      const sealed: Buffer[] = []
      for (let i = 0, at = 0, ks = 0; i < clears.length; i++) {
        const length = lengths[i]!
        const body = at + IV_BYTES + TAG_BYTES
        ivs.copy(out, at, i * IV_BYTES, (i + 1) * IV_BYTES)
        out.write(clears[i]!, body, length, 'utf8')
        for (let k = 0; k < length; k++) out[body + k]! ^= keystream[ks + 16 + k]!
        y.set(afterAad)
        absorbBytes(y, table, out, body, length)
        absorb(y, table, 0, aadBits, 0, length * 8)
        // The tag: E(J0) xor GHASH.
        for (let k = 0; k < TAG_BYTES; k++) out[at + IV_BYTES + k] = keystream[ks + k]! ^ ((y[k >> 2]! >>> (24 - 8 * (k & 3))) & 0xff)
        sealed.push(out.subarray(at, body + length))
        at = body + length
        ks += 16 * (1 + Math.ceil(length / 16))
      }
      return sealed
    },
  }
}
