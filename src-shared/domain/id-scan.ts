/**
 * Card-reader and barcode-scanner input (E2): a reader in keyboard mode types one line (two for
 * a passport MRZ) and Enter. `parseIdScan` recognises the line and gives 证件类型/证件号码/姓名,
 * or a specific refusal; the number then passes the very check typing gets (`checkIdNumber`),
 * so a scan is never more lenient than the keyboard. Formats (README, 刷证):
 * - `type|number|name`: type by its code (1–9, the order of ID_TYPES) or its Chinese name;
 * - the resident-ID reader line (id-scan-resident-reader.ts);
 * - a passport's TD3 machine-readable zone (id-scan-mrz.ts).
 */
import { checkIdNumber, ID_TYPES, type IdType } from './id-documents'
import { isMrzFirstLine, parsePassportMrz, splitMrz } from './id-scan-mrz'
import { parseResidentReaderLine, RESIDENT_READER_FIELD_COUNT } from './id-scan-resident-reader'
import { fail, ok, type Result } from './result'

export type IdScanFormat = 'fields' | 'resident-reader' | 'passport-mrz'

export interface IdScan {
  readonly idType: IdType
  readonly idNumber: string
  readonly name: string
  readonly format: IdScanFormat
}

/** `type|number|name` codes: 1 is 中华人民共和国居民身份证 … 9 is 外国人永久居留身份证. */
export function idTypeFromCode(code: string): IdType | null {
  const trimmed = code.trim()
  if ((ID_TYPES as readonly string[]).includes(trimmed)) return trimmed as IdType
  const index = /^[1-9]$/.test(trimmed) ? Number(trimmed) - 1 : -1
  return ID_TYPES[index] ?? null
}

/** True while a reader has typed only the first line of a two-line MRZ: wait for the second. */
export function scanNeedsMoreLines(text: string): boolean {
  return isMrzFirstLine(text.trim())
}

const MAX_NAME_LENGTH = 50

function withCheckedNumber(idType: IdType, rawNumber: string, rawName: string, format: IdScanFormat): Result<IdScan> {
  const name = rawName.trim()
  if (name === '') return fail('INVALID_INPUT', '刷证内容中没有姓名，请重新刷证或手工填写。')
  if (name.length > MAX_NAME_LENGTH) return fail('INVALID_INPUT', '刷证内容中的姓名过长，请重新刷证或手工填写。')
  const number = checkIdNumber(idType, rawNumber)
  if (!number.ok) return number
  return ok({ idType, idNumber: number.value, name, format })
}

function parseFields(text: string): Result<IdScan> {
  const parts = text.split(/[|｜]/)
  if (parts.length !== 3) return fail('INVALID_INPUT', '刷证内容应为“证件类型|证件号码|姓名”三项，请重新刷证。')
  const [type = '', number = '', name = ''] = parts
  const idType = idTypeFromCode(type)
  if (idType === null) return fail('INVALID_INPUT', `刷证内容中的证件类型“${type.trim()}”无法识别，请重新刷证或手工选择。`)
  return withCheckedNumber(idType, number, name, 'fields')
}

export function parseIdScan(raw: string): Result<IdScan> {
  // Readers end with Enter; some add a carriage return or a trailing separator.
  const text = raw.replace(/^[\s\r\n]+|[\s\r\n]+$/g, '')
  if (text === '') return fail('INVALID_INPUT', '没有读到证件信息，请重新刷证。')
  const mrz = splitMrz(text)
  if (mrz) {
    const passport = parsePassportMrz(...mrz)
    return passport.ok ? withCheckedNumber('护照', passport.value.idNumber, passport.value.name, 'passport-mrz') : passport
  }
  if (scanNeedsMoreLines(text)) return fail('INVALID_INPUT', '只读到护照机读码的第一行，请重新刷证。')
  if (/[|｜]/.test(text)) return parseFields(text)
  const fields = text.replace(/,$/, '').split(',')
  if (fields.length === RESIDENT_READER_FIELD_COUNT) {
    const card = parseResidentReaderLine(fields)
    return card.ok ? withCheckedNumber(card.value.idType, card.value.idNumber, card.value.name, 'resident-reader') : card
  }
  return fail('INVALID_INPUT', '无法识别刷证内容，请重新刷证或手工填写证件信息。')
}
