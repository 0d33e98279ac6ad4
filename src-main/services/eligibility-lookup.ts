/**
 * E2/E3: eligibility lookup by ID type, ID number and name. The number's format is checked
 * first (a bad one gets its message and no lookup); then the cached roster answers, and when it
 * has no match the central is asked and its record cached. Online, a confirmation made
 * elsewhere (online, another kiosk) is learned from the central so the record shows as locked.
 */
import { checkIdNumber, type IdType } from '../../src-shared/domain/id-documents'
import { fail, ok, type ErrorCode, type Result } from '../../src-shared/domain/result'
import type { CandidateView } from '../../src-shared/ipc/contract'
import type { RosterRecord } from '../../src-shared/schemas'
import { isNotFound } from '../central/central-failure'
import { appendAudit, type AuditOutcome } from '../store/audit-repository'
import { findRegistration, saveRegistration, type LocalRegistration } from '../store/registration-repository'
import { findRosterEntryByDocument, upsertRosterRecords } from '../store/roster-repository'
import { setVisitCandidate } from '../store/visit-repository'
import { candidateViewWithNames, toCandidateView } from './candidate-view'
import { requireVisit } from './desk-guards'
import type { ServiceContext } from './service-context'

export const NOT_FOUND_MESSAGE = '未查询到资格信息，请核对证件类型、证件号码和姓名。'
export const OFFLINE_NOT_CACHED_MESSAGE = '本机未缓存该考生的资格信息，且与报名中心的连接已中断，请稍后重试。'
export const ANOTHER_CANDIDATE_MESSAGE = '当前考生的办理尚未结束，请先返回首页，再为下一位考生办理。'

export interface LookupInput {
  readonly visitId: string
  readonly idType: IdType
  readonly idNumber: string
  readonly name: string
}

/** As the central compares them: trimmed, runs of spaces collapsed, Latin letters upper-cased. */
function comparableName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase()
}

const LOOKUP_OUTCOME: Partial<Record<ErrorCode, AuditOutcome>> = {
  NOT_FOUND: 'not-found',
  CENTRAL_UNAVAILABLE: 'unavailable',
  CENTRAL_REFUSED: 'refused',
}

/** names: the school and campus names when the local roster answered (one prepared statement). */
type Found = { readonly record: RosterRecord; readonly fromCentral: boolean; readonly names?: { school: string | null; campus: string | null } }

async function findRecord(ctx: ServiceContext, input: LookupInput, idNumber: string): Promise<Result<Found>> {
  const entry = await findRosterEntryByDocument(ctx.db, ctx.protector, input.idType, idNumber)
  const cached = entry?.record ?? null
  if (entry !== null && comparableName(entry.record.name) === comparableName(input.name))
    return ok({ record: entry.record, fromCentral: false, names: { school: entry.schoolName, campus: entry.campusName } })

  const answer = await ctx.central.lookupRoster({ idType: input.idType, idNumber, name: input.name.trim() })
  if (answer.ok) return ok({ record: answer.value.record, fromCentral: true })
  if (isNotFound(answer.failure)) return fail('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (answer.failure.kind === 'final') return fail('CENTRAL_REFUSED', answer.failure.message)
  // Offline and a cached record exists under this document but another name: still not found.
  return cached !== null ? fail('NOT_FOUND', NOT_FOUND_MESSAGE) : fail('CENTRAL_UNAVAILABLE', OFFLINE_NOT_CACHED_MESSAGE)
}

/** A confirmation made elsewhere, when the central can tell; null when none or offline. */
async function learnRegistration(ctx: ServiceContext, candidateId: string): Promise<LocalRegistration | null> {
  const answer = await ctx.central.getRegistration(candidateId)
  if (!answer.ok) return null
  return { ...answer.value.registration, confirmedByOperatorId: null, visitId: null }
}

export async function lookupEligibility(ctx: ServiceContext, input: LookupInput): Promise<Result<CandidateView>> {
  const active = requireVisit(ctx.desk, input.visitId)
  if (!active.ok) return active
  const { operator, visit } = active.value
  const idNumber = checkIdNumber(input.idType, input.idNumber)
  if (!idNumber.ok) return idNumber

  const found = await findRecord(ctx, input, idNumber.value)
  const now = ctx.clock()
  if (!found.ok) {
    await appendAudit(ctx.db, {
      at: now,
      operatorId: operator.id,
      candidateId: null,
      action: 'eligibility.lookup',
      outcome: LOOKUP_OUTCOME[found.error.code] ?? 'failed',
      detail: `visit ${visit.id}, ${input.idType}`,
    })
    return found
  }
  const { record, fromCentral, names } = found.value
  if (visit.candidateId !== null && visit.candidateId !== record.candidateId)
    return fail('CONFLICT', ANOTHER_CANDIDATE_MESSAGE)

  const local = await findRegistration(ctx.db, record.candidateId)
  const learned = local === null ? await learnRegistration(ctx, record.candidateId) : null
  await ctx.db.transaction().execute(async (trx) => {
    if (fromCentral) await upsertRosterRecords(trx, ctx.protector, [record])
    if (learned !== null) await saveRegistration(trx, learned)
    await setVisitCandidate(trx, visit.id, record.candidateId)
    await appendAudit(trx, {
      at: now,
      operatorId: operator.id,
      candidateId: record.candidateId,
      action: 'eligibility.lookup',
      outcome: 'ok',
      detail: `visit ${visit.id}, ${fromCentral ? 'from central' : 'from local roster'}`,
    })
  })
  visit.candidateId = record.candidateId
  const confirmedAt = (local ?? learned)?.confirmedAt ?? null
  return ok(
    names === undefined ? await toCandidateView(ctx.db, record, confirmedAt) : candidateViewWithNames(record, names.school, names.campus, confirmedAt),
  )
}
