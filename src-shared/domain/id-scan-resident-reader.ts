/**
 * The line a resident-ID card reader in keyboard mode types: the chip's eight fields in the
 * order printed on the card, separated by ASCII commas:
 * `姓名,性别,民族,出生日期,住址,公民身份号码,签发机关,有效期限`
 * (出生日期 `YYYYMMDD`, 有效期限 `YYYYMMDD-YYYYMMDD` or `YYYYMMDD-长期`). The same readers read the
 * residence permits for Hong Kong, Macao and Taiwan residents, whose numbers start 810000 /
 * 820000 / 830000; the type follows from the number. 性别 and 出生日期 are checked against the
 * number, so a misread line is caught before any lookup.
 */
import type { IdType } from './id-documents'
import { fail, ok, type Result } from './result'

export const RESIDENT_READER_FIELD_COUNT = 8

export function residentCardType(idNumber: string): IdType {
  if (/^8[12]0000/.test(idNumber)) return '港澳居民居住证'
  if (/^830000/.test(idNumber)) return '台湾居民居住证'
  return '中华人民共和国居民身份证'
}

export function parseResidentReaderLine(fields: readonly string[]): Result<{ idType: IdType; idNumber: string; name: string }> {
  const [name = '', gender = '', , birthDate = '', , rawNumber = '', , validity = ''] = fields.map((f) => f.trim())
  const idNumber = rawNumber.toUpperCase()
  if (name === '') return fail('INVALID_INPUT', '读卡内容中没有姓名，请重新刷证。')
  if (!/^\d{17}[\dX]$/.test(idNumber)) return fail('ID_FORMAT', '读卡内容中的公民身份号码应为18位，请重新刷证。')
  if (!/^\d{8}$/.test(birthDate) || birthDate !== idNumber.slice(6, 14)) {
    return fail('INVALID_INPUT', '读卡内容中的出生日期与公民身份号码不一致，请重新刷证。')
  }
  const numberSaysMale = Number(idNumber[16]) % 2 === 1
  if ((gender !== '男' && gender !== '女') || (gender === '男') !== numberSaysMale) {
    return fail('INVALID_INPUT', '读卡内容中的性别与公民身份号码不一致，请重新刷证。')
  }
  if (!/^\d{8}-(\d{8}|长期)$/.test(validity)) return fail('INVALID_INPUT', '读卡内容中的有效期限无法识别，请重新刷证。')
  return ok({ idType: residentCardType(idNumber), idNumber, name })
}
