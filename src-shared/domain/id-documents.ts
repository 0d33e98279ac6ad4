/**
 * ID documents accepted for eligibility lookup (SPEC §2) and their number formats (rule E2).
 * A number is normalised (trimmed, upper-cased, brackets around a check digit dropped) and
 * checked for its type's shape before any lookup is made.
 */
import { fail, ok, type Result } from './result'

export const ID_TYPES = [
  '中华人民共和国居民身份证',
  '台湾居民往来大陆通行证',
  '港澳居民来往内地通行证',
  '护照',
  '香港身份证',
  '澳门身份证',
  '港澳居民居住证',
  '台湾居民居住证',
  '中华人民共和国外国人永久居留身份证',
] as const

export type IdType = (typeof ID_TYPES)[number]

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const GB11643_CHECK = '10X98765432'

/** The GB 11643 check character of the first 17 digits of an 18-character ID number. */
export function gb11643CheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!
  return GB11643_CHECK[sum % 11]!
}

function isValidDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

type Check = (n: string) => string | null

/** 18 characters: 6-digit area, 8-digit birth date, 3-digit sequence, GB 11643 check character. */
function gb11643(label: string, prefix?: RegExp): Check {
  return (n) => {
    if (!/^\d{17}[\dX]$/.test(n)) return `${label}应为18位，前17位为数字，最后一位为数字或X。`
    if (prefix && !prefix.test(n)) return `${label}的号码开头不正确。`
    if (!isValidDate(n.slice(6, 14))) return `${label}中的出生日期不正确。`
    if (gb11643CheckDigit(n.slice(0, 17)) !== n[17]) return `${label}的校验位不正确，请逐位核对号码。`
    return null
  }
}

/** Hong Kong identity card: one or two letters, six digits, a mod-11 check character (0-9 or A). */
export function hongKongCheckDigit(body: string): string {
  const letters = body.replace(/\d/g, '')
  const digits = body.slice(letters.length)
  const padded = letters.length === 1 ? ' ' + letters : letters
  let sum = 0
  const value = (c: string): number => (c === ' ' ? 36 : c.charCodeAt(0) - 55)
  sum += value(padded[0]!) * 9 + value(padded[1]!) * 8
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}

const CHECKS: Record<IdType, Check> = {
  中华人民共和国居民身份证: gb11643('居民身份证号码'),
  港澳居民居住证: gb11643('港澳居民居住证号码', /^8[12]0000/),
  台湾居民居住证: gb11643('台湾居民居住证号码', /^830000/),
  中华人民共和国外国人永久居留身份证: (n) => {
    // Cards since 2017 follow GB 11643 and start with 9; older cards are 3 letters + 12 digits.
    if (/^[A-Z]{3}\d{12}$/.test(n)) return null
    if (/^9\d{16}[\dX]$/.test(n)) return gb11643('外国人永久居留身份证号码')(n)
    return '外国人永久居留身份证号码应为以9开头的18位号码，或3位字母加12位数字的15位号码。'
  },
  台湾居民往来大陆通行证: (n) =>
    /^\d{8}$/.test(n) || /^\d{10}$/.test(n) ? null : '台湾居民往来大陆通行证号码应为8位数字（旧版为10位）。',
  港澳居民来往内地通行证: (n) =>
    /^[HM]\d{8}(\d{2})?$/.test(n) ? null : '港澳居民来往内地通行证号码应为H或M开头，后跟8位或10位数字。',
  护照: (n) => (/^[A-Z0-9]{5,20}$/.test(n) ? null : '护照号码应为5至20位字母或数字。'),
  香港身份证: (n) => {
    if (!/^[A-Z]{1,2}\d{6}[\dA]$/.test(n)) return '香港身份证号码应为1至2位字母、6位数字和1位校验码，例如A123456(3)。'
    return hongKongCheckDigit(n.slice(0, -1)) === n.slice(-1) ? null : '香港身份证号码的校验码不正确，请逐位核对号码。'
  },
  澳门身份证: (n) =>
    /^\d{7,11}$/.test(n) ? null : '澳门身份证号码应为数字，例如1234567(8)。',
}

/** Trims, upper-cases and drops the brackets staff type around a check digit, e.g. A123456(3). */
export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase().replace(/[（(]([\dA-Z])[）)]$/, '$1').replace(/\s+/g, '')
}

/** Rule E2: the number must have its type's shape before a lookup is made. */
export function checkIdNumber(idType: IdType, raw: string): Result<string> {
  const n = normaliseIdNumber(raw)
  if (n.length === 0) return fail('ID_FORMAT', '请输入证件号码。')
  const problem = CHECKS[idType](n)
  return problem === null ? ok(n) : fail('ID_FORMAT', problem)
}
