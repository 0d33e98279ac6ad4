/**
 * Eligibility rules E1, E3 and E4 (SPEC §3), free of any runtime: callers pass what they know.
 */
import { AGREEMENT_VERSION } from './agreement'
import { fail, ok, type Result } from './result'

/** E1: nothing else happens until the current agreement version has been accepted. */
export function checkAgreementAccepted(acceptedVersion: string | null): Result<void> {
  if (acceptedVersion === null) return fail('AGREEMENT_REQUIRED', '请先阅读并同意报名协议及诚信承诺书。')
  if (acceptedVersion !== AGREEMENT_VERSION)
    return fail('AGREEMENT_OUTDATED', '报名协议已更新，请重新阅读并同意最新的报名协议及诚信承诺书。')
  return ok(undefined)
}

/** E3: a candidate whose 资格科目 is 无 cannot continue. */
export function checkHasEligibleSubjects(eligibleSubjectCodes: readonly string[]): Result<void> {
  return eligibleSubjectCodes.length > 0
    ? ok(undefined)
    : fail('NOT_ELIGIBLE', '资格科目为无的考生无法继续报名，如有异议请联系学校相关负责人。')
}

export interface ConfirmationAnswers {
  /** First confirmation: the bound phone number is the candidate's own and in use. */
  readonly phoneConfirmed: boolean
  /** Second confirmation: the record is correct and, once saved, cannot be changed. */
  readonly recordConfirmed: boolean
}

/** E4: saving the record needs both confirmations, in order; E3 is checked first. */
export function checkConfirmation(eligibleSubjectCodes: readonly string[], answers: ConfirmationAnswers): Result<void> {
  const eligible = checkHasEligibleSubjects(eligibleSubjectCodes)
  if (!eligible.ok) return eligible
  if (!answers.phoneConfirmed)
    return fail('CONFIRMATION_REQUIRED', '请先确认绑定的手机号为本人正在使用的号码；如非本人号码，请先修改手机号。')
  if (!answers.recordConfirmed)
    return fail('CONFIRMATION_REQUIRED', '请确认学籍与资格信息正确：保存后学籍信息将无法修改。')
  return ok(undefined)
}

/** The seeds show the bound phone as 199****0037: enough for the candidate to recognise it. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length)
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}
