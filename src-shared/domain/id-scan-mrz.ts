/**
 * ICAO 9303 TD3 machine-readable zone (the two 44-character lines at the foot of a passport's
 * data page), as an MRZ reader types it: line 1 `P<` + issuing state + `SURNAME<<GIVEN<NAMES`,
 * line 2 document number + check digit, nationality, birth date + check, sex, expiry + check,
 * optional data + check, and the composite check digit. Only the name and the document number
 * are used; every check digit must hold, so a misread line changes nothing.
 */
import { fail, ok, type Result } from './result'

export const MRZ_LINE_LENGTH = 44

const WEIGHTS = [7, 3, 1] as const

/** ICAO 9303 check digit: digits as themselves, A–Z as 10–35, `<` as 0, weights 7-3-1. */
export function mrzCheckDigit(field: string): string {
  let sum = 0
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55
    sum += value * WEIGHTS[i % 3]!
  }
  return String(sum % 10)
}

const LINE = /^[A-Z0-9<]{44}$/

/** Line 1 of a passport MRZ on its own: the reader has more to type. */
export function isMrzFirstLine(text: string): boolean {
  return LINE.test(text) && text.startsWith('P')
}

/** The two lines, however the reader separated them (newline, space or nothing). */
export function splitMrz(text: string): [string, string] | null {
  const compact = text.replace(/[\r\n ]+/g, '')
  if (compact.length !== MRZ_LINE_LENGTH * 2 || !compact.startsWith('P')) return null
  return [compact.slice(0, MRZ_LINE_LENGTH), compact.slice(MRZ_LINE_LENGTH)]
}

const BAD_CHECK = '护照机读码的校验位不正确，请重新刷证。'

export function parsePassportMrz(line1: string, line2: string): Result<{ idNumber: string; name: string }> {
  if (!LINE.test(line1) || !LINE.test(line2)) return fail('INVALID_INPUT', '护照机读码应为两行、每行44个字母、数字或“<”，请重新刷证。')
  if (!/^\d{6}$/.test(line2.slice(13, 19)) || !/^\d{6}$/.test(line2.slice(21, 27))) {
    return fail('INVALID_INPUT', '护照机读码中的日期无法识别，请重新刷证。')
  }
  const documentNumber = line2.slice(0, 9)
  if (mrzCheckDigit(documentNumber) !== line2[9]) return fail('INVALID_INPUT', BAD_CHECK)
  if (mrzCheckDigit(line2.slice(13, 19)) !== line2[19] || mrzCheckDigit(line2.slice(21, 27)) !== line2[27]) {
    return fail('INVALID_INPUT', BAD_CHECK)
  }
  const composite = line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43)
  if (mrzCheckDigit(composite) !== line2[43]) return fail('INVALID_INPUT', BAD_CHECK)
  const [surname = '', given = ''] = line1.slice(5).split('<<')
  const name = [surname, given]
    .map((part) => part.replace(/<+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' ')
  if (name === '') return fail('INVALID_INPUT', '护照机读码中没有姓名，请重新刷证或手工填写。')
  return ok({ idNumber: documentNumber.replace(/<+$/, ''), name })
}
