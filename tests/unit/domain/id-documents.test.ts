import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkIdNumber,
  gb11643CheckDigit,
  hongKongCheckDigit,
  ID_TYPES,
  normaliseIdNumber,
  type IdType,
} from '../../../src-shared/domain/id-documents'

const RESIDENT: IdType = '中华人民共和国居民身份证'

function expectFormatError(idType: IdType, raw: string, messagePart: string): void {
  const result = checkIdNumber(idType, raw)
  expect(result.ok, `${idType} ${raw} should be refused`).toBe(false)
  if (!result.ok) {
    expect(result.error.code).toBe('ID_FORMAT')
    expect(result.error.message).toContain(messagePart)
  }
}

describe('E2: ID number formats are checked per type before any lookup', () => {
  it('E2: the nine document types of the seeds, in their order', () => {
    expect(ID_TYPES).toHaveLength(9)
    expect(ID_TYPES[0]).toBe('中华人民共和国居民身份证')
    expect(ID_TYPES[8]).toBe('中华人民共和国外国人永久居留身份证')
  })

  it('E2: GB 11643 check digit of published examples', () => {
    expect(gb11643CheckDigit('11010519491231002')).toBe('X')
    expect(gb11643CheckDigit('12010420040315123')).toBe('9')
  })

  it('E2: a resident ID with a valid check digit passes, lower-case x is normalised', () => {
    expect(checkIdNumber(RESIDENT, '120104200403151239')).toEqual({ ok: true, value: '120104200403151239' })
    expect(checkIdNumber(RESIDENT, ' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X' })
  })

  it('E2: a resident ID with a wrong check digit is refused with the reason', () => {
    expectFormatError(RESIDENT, '120104200403151238', '校验位')
  })

  it('E2: a resident ID of the wrong length or with letters is refused', () => {
    expectFormatError(RESIDENT, '12010420040315123', '18位')
    expectFormatError(RESIDENT, '1201042004031512A9', '18位')
  })

  it('E2: a resident ID with an impossible birth date is refused', () => {
    const body = '12010420040231123' // 31 February
    expectFormatError(RESIDENT, body + gb11643CheckDigit(body), '出生日期')
  })

  it('E2 (property): every 18-character number with its own check digit passes, any other check character fails', () => {
    const date = fc.date({ min: new Date('1920-01-01'), max: new Date('2015-12-31'), noInvalidDate: true })
    fc.assert(
      fc.property(fc.stringMatching(/^[1-6]\d{5}$/), date, fc.stringMatching(/^\d{3}$/), (area, birth, seq) => {
        const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '')
        const body = area + ymd + seq
        const good = gb11643CheckDigit(body)
        expect(checkIdNumber(RESIDENT, body + good).ok).toBe(true)
        for (const other of '0123456789X'.replace(good, '')) expect(checkIdNumber(RESIDENT, body + other).ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('E2: residence permits of Hong Kong/Macau and Taiwan residents need their prefix and a valid check digit', () => {
    const hk = '81000019990101123'
    expect(checkIdNumber('港澳居民居住证', hk + gb11643CheckDigit(hk)).ok).toBe(true)
    const tw = '83000019990101123'
    expect(checkIdNumber('台湾居民居住证', tw + gb11643CheckDigit(tw)).ok).toBe(true)
    expectFormatError('台湾居民居住证', hk + gb11643CheckDigit(hk), '开头')
    expectFormatError('港澳居民居住证', tw + gb11643CheckDigit(tw), '开头')
  })

  it('E2: foreigner permanent residence cards: new 18-character and old 15-character forms', () => {
    const body = '93300019900101123'
    expect(checkIdNumber('中华人民共和国外国人永久居留身份证', body + gb11643CheckDigit(body)).ok).toBe(true)
    expect(checkIdNumber('中华人民共和国外国人永久居留身份证', 'USA110012345678').ok).toBe(true)
    expectFormatError('中华人民共和国外国人永久居留身份证', '12345', '15位')
  })

  it('E2: Hong Kong identity card check character, brackets optional', () => {
    expect(hongKongCheckDigit('A123456')).toBe('3')
    expect(checkIdNumber('香港身份证', 'A123456(3)')).toEqual({ ok: true, value: 'A1234563' })
    expect(checkIdNumber('香港身份证', 'a1234563').ok).toBe(true)
    expectFormatError('香港身份证', 'A123456(4)', '校验码')
    expectFormatError('香港身份证', '1234567', '字母')
  })

  it('E2: mainland travel permits for Hong Kong/Macau and Taiwan residents', () => {
    expect(checkIdNumber('港澳居民来往内地通行证', 'H12345678').ok).toBe(true)
    expect(checkIdNumber('港澳居民来往内地通行证', 'M1234567890').ok).toBe(true)
    expectFormatError('港澳居民来往内地通行证', 'X12345678', 'H或M')
    expect(checkIdNumber('台湾居民往来大陆通行证', '12345678').ok).toBe(true)
    expectFormatError('台湾居民往来大陆通行证', '1234567', '8位')
  })

  it('E2: passports and Macau identity cards of the seeds pass', () => {
    expect(checkIdNumber('护照', '99301000037').ok).toBe(true)
    expect(checkIdNumber('护照', '99300000000000000000').ok).toBe(true)
    expect(checkIdNumber('澳门身份证', '12001000008').ok).toBe(true)
    expect(checkIdNumber('澳门身份证', '1234567(8)')).toEqual({ ok: true, value: '12345678' })
    expectFormatError('护照', 'E123', '5至20位')
    expectFormatError('护照', 'E12-34567', '字母或数字')
    expectFormatError('澳门身份证', 'M1234567', '数字')
  })

  it('E2: an empty number is refused for every type', () => {
    for (const t of ID_TYPES) expectFormatError(t, '   ', '请输入证件号码')
  })

  it('normalisation drops spaces and full-width brackets around a check character', () => {
    expect(normaliseIdNumber(' a123456（3） ')).toBe('A1234563')
  })
})
