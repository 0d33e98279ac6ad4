import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIdNumber, gb11643CheckDigit, ID_TYPES } from '../../../src-shared/domain/id-documents'
import { idTypeFromCode, parseIdScan, scanNeedsMoreLines } from '../../../src-shared/domain/id-scan'
import { mrzCheckDigit } from '../../../src-shared/domain/id-scan-mrz'

/** ICAO 9303 part 4's specimen passport. */
const ICAO_LINE_1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'
const ICAO_LINE_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'

function refused(raw: string, code: string, messagePart: string): void {
  const result = parseIdScan(raw)
  expect(result.ok, raw).toBe(false)
  if (!result.ok) {
    expect(result.error.code).toBe(code)
    expect(result.error.message).toContain(messagePart)
  }
}

/** 18-character numbers with a valid date and check digit, as issued. */
const residentNumber = fc
  .tuple(
    fc.constantFrom('120104', '110105', '440305'),
    fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, birth, sequence]) => {
    const first17 = area + birth.toISOString().slice(0, 10).replace(/-/g, '') + String(sequence).padStart(3, '0')
    return first17 + gb11643CheckDigit(first17)
  })

describe('E2 card reader: type|number|name', () => {
  it('E2: code 1 and the Chinese name give the same scan; the number is normalised as typing does', () => {
    const byCode = parseIdScan('1|120104200403151239|王晓明\r\n')
    expect(byCode).toEqual({ ok: true, value: { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明', format: 'fields' } })
    const byName = parseIdScan('香港身份证|a123456(3)|陈嘉欣')
    expect(byName).toEqual({ ok: true, value: { idType: '香港身份证', idNumber: 'A1234563', name: '陈嘉欣', format: 'fields' } })
  })

  it('E2: codes 1–9 follow the order of the nine document types', () => {
    ID_TYPES.forEach((type, index) => expect(idTypeFromCode(String(index + 1))).toBe(type))
    expect(idTypeFromCode('0')).toBeNull()
    expect(idTypeFromCode('10')).toBeNull()
  })

  it('E2: a bad check digit is refused with the same message as typing (the issue example 120101200001010008 is one)', () => {
    const typed = checkIdNumber('中华人民共和国居民身份证', '120101200001010008')
    expect(typed.ok).toBe(false)
    if (!typed.ok) refused('1|120101200001010008|张三', 'ID_FORMAT', typed.error.message)
  })

  it('E2: an unknown type, a missing name or a wrong field count say so', () => {
    refused('11|120104200403151239|王晓明', 'INVALID_INPUT', '证件类型“11”无法识别')
    refused('1|120104200403151239| ', 'INVALID_INPUT', '没有姓名')
    refused('1|120104200403151239', 'INVALID_INPUT', '三项')
    refused('', 'INVALID_INPUT', '没有读到证件信息')
    refused('hello world', 'INVALID_INPUT', '无法识别刷证内容')
  })

  it('E2 (property): a scan is accepted exactly when typing the same type and number would be', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.string({ maxLength: 22 }).filter((s) => !/[|｜]/.test(s)), (index, number) => {
        const type = ID_TYPES[index]!
        const scan = parseIdScan(`${index + 1}|${number}|考生`)
        const typed = checkIdNumber(type, number)
        expect(scan.ok).toBe(typed.ok)
        if (scan.ok && typed.ok) expect(scan.value.idNumber).toBe(typed.value)
      }),
    )
  })

  it('E2 (property): every issued resident number round-trips through a scan', () => {
    fc.assert(
      fc.property(residentNumber, (number) => {
        const scan = parseIdScan(`中华人民共和国居民身份证|${number}|张三`)
        expect(scan.ok && scan.value.idNumber).toBe(number)
      }),
    )
  })
})

describe('E2 card reader: resident-ID reader line', () => {
  const line = (overrides: Partial<Record<'name' | 'gender' | 'birth' | 'number' | 'validity', string>> = {}): string => {
    const v = { name: '王晓明', gender: '男', birth: '20040315', number: '120104200403151239', validity: '20200101-20300101', ...overrides }
    return `${v.name},${v.gender},汉,${v.birth},天津市河西区友谊路1号,${v.number},天津市公安局河西分局,${v.validity}`
  }

  it('E2: the eight chip fields give type, number and name', () => {
    expect(parseIdScan(line() + '\n')).toEqual({
      ok: true,
      value: { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明', format: 'resident-reader' },
    })
    expect(parseIdScan(line({ validity: '20200101-长期' }) + ',').ok).toBe(true)
  })

  it('E2: residence permits read by the same readers get their own type from the number', () => {
    const first17 = '81000019990101005'
    const number = first17 + gb11643CheckDigit(first17)
    const scan = parseIdScan(line({ number, birth: '19990101', gender: '男' }))
    expect(scan.ok && scan.value.idType).toBe('港澳居民居住证')
  })

  it('E2: a birth date or gender that disagrees with the number is a misread, refused', () => {
    refused(line({ birth: '20040316' }), 'INVALID_INPUT', '出生日期与公民身份号码不一致')
    refused(line({ gender: '女' }), 'INVALID_INPUT', '性别与公民身份号码不一致')
    refused(line({ validity: '2020' }), 'INVALID_INPUT', '有效期限无法识别')
    refused(line({ number: '120104200403151238' }), 'ID_FORMAT', '校验位不正确')
  })

  it('E2 (property): a misread digit in the number is never accepted', () => {
    fc.assert(
      fc.property(residentNumber, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (number, position, delta) => {
        const changed = number.slice(0, position) + String((Number(number[position]) + delta) % 10) + number.slice(position + 1)
        const gender = Number(number[16]) % 2 === 1 ? '男' : '女'
        const scan = parseIdScan(line({ number: changed, birth: number.slice(6, 14), gender }))
        expect(scan.ok).toBe(false)
      }),
    )
  })
})

describe('E2 card reader: passport machine-readable zone (ICAO 9303 TD3)', () => {
  it('E2: the ICAO specimen gives 护照, the document number and the name', () => {
    const expected = { ok: true, value: { idType: '护照', idNumber: 'L898902C3', name: 'ERIKSSON ANNA MARIA', format: 'passport-mrz' } }
    expect(parseIdScan(`${ICAO_LINE_1}\n${ICAO_LINE_2}`)).toEqual(expected)
    expect(parseIdScan(ICAO_LINE_1 + ICAO_LINE_2)).toEqual(expected)
  })

  it('E2: the first line alone waits for the second', () => {
    expect(scanNeedsMoreLines(ICAO_LINE_1)).toBe(true)
    expect(scanNeedsMoreLines(ICAO_LINE_2)).toBe(false)
    refused(ICAO_LINE_1, 'INVALID_INPUT', '只读到护照机读码的第一行')
  })

  it('E2: a letter read into a date is refused even when its check digit happens to hold', () => {
    refused(`${ICAO_LINE_1}\n${ICAO_LINE_2.slice(0, 14)}Y${ICAO_LINE_2.slice(15)}`, 'INVALID_INPUT', '机读码')
  })

  it('E2: check digits follow ICAO 9303 (7-3-1)', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6')
    expect(mrzCheckDigit('740812')).toBe('2')
    expect(mrzCheckDigit('120415')).toBe('9')
  })

  it('E2 (property): any single misread digit of line 2 is refused, and letters in a date too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 43 }), fc.constantFrom(...'0123456789'), (position, c) => {
        const original = ICAO_LINE_2[position]!
        fc.pre(/\d/.test(original) && original !== c && !(position >= 28 && position <= 42))
        const changed = ICAO_LINE_2.slice(0, position) + c + ICAO_LINE_2.slice(position + 1)
        expect(parseIdScan(`${ICAO_LINE_1}\n${changed}`).ok).toBe(false)
      }),
    )
  })

  it('E2 (property): arbitrary text never throws and never yields a number typing would refuse', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const scan = parseIdScan(text)
        if (scan.ok) expect(checkIdNumber(scan.value.idType, scan.value.idNumber).ok).toBe(true)
      }),
    )
  })
})

