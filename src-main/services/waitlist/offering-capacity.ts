/**
 * W2, supervisors only: 容量管理. Raising an offering's capacity frees seats at the central, which
 * gives them to the offering's waiting entries first (候补成功, an unpaid booking each). Main
 * refuses it to an operator (FORBIDDEN).
 */
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import { findSubject } from '../../../src-shared/domain/subjects'
import type { CapacityRow } from '../../../src-shared/ipc/waitlist-views'
import type { Offering } from '../../../src-shared/schemas'
import { describeFailure } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { findCampus, findSchool } from '../../store/catalog-repository'
import { applySeatCounts, findOfferings, listAllOfferings, setOfferingCapacity } from '../../store/offering-repository'
import type { KioskDb } from '../../store/schema'
import { CENTRAL_UNAVAILABLE_MESSAGE, sendChange } from '../booking/central-change'
import type { ServiceContext } from '../service-context'
import { requireSupervisor } from '../supervisor-guard'

export const CAPACITY_NOT_HIGHER_MESSAGE = '新的容量须大于当前容量。'
export const UNKNOWN_OFFERING_CAPACITY_MESSAGE = '该科目不在本机的科目列表中，请刷新后重试。'

async function toRow(db: KioskDb, o: Offering, waiting: ReadonlyMap<string, number> | null): Promise<CapacityRow> {
  const school = await findSchool(db, o.schoolCode)
  const campus = await findCampus(db, o.campusCode)
  return {
    offeringId: o.id,
    subject: { code: o.subjectCode, name: findSubject(o.subjectCode)?.name ?? o.subjectCode },
    school: { code: o.schoolCode, name: school?.name ?? o.schoolCode },
    campus: { code: o.campusCode, name: campus?.name ?? o.campusCode },
    capacity: o.capacity,
    seatsLeft: o.seatsLeft,
    waiting: waiting === null ? null : (waiting.get(o.id) ?? 0),
  }
}

async function waitingCounts(ctx: ServiceContext): Promise<Map<string, number> | null> {
  const answer = await ctx.central.call('listWaitlistCounts')
  if (!answer.ok) {
    ctx.logger.warn(`waitlist counts not read: ${describeFailure(answer.failure)}`)
    return null
  }
  return new Map(answer.value.counts.map((c) => [c.offeringId, c.waiting]))
}

export async function listOfferingCapacity(ctx: ServiceContext): Promise<Result<CapacityRow[]>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const counts = await waitingCounts(ctx)
  const offerings = await listAllOfferings(ctx.db)
  return ok(await Promise.all(offerings.map((o) => toRow(ctx.db, o, counts))))
}

export async function raiseOfferingCapacity(ctx: ServiceContext, input: { offeringId: string; capacity: number }): Promise<Result<CapacityRow>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const [offering] = await findOfferings(ctx.db, [input.offeringId])
  if (offering === undefined) return fail('NOT_FOUND', UNKNOWN_OFFERING_CAPACITY_MESSAGE)
  if (input.capacity <= offering.capacity) return fail('INVALID_INPUT', CAPACITY_NOT_HIGHER_MESSAGE)

  const answer = await sendChange(
    ctx,
    { action: 'offering.capacity', candidateId: '', target: `${offering.id}:${input.capacity}` },
    { operatorId: supervisor.value.id, action: 'offering.capacity' },
    (key) => ctx.central.call('raiseCapacity', { params: { offeringId: offering.id }, body: { capacity: input.capacity }, idempotencyKey: key }),
  )
  if (!answer.ok) return answer.error.code === 'CENTRAL_UNAVAILABLE' ? fail('CENTRAL_UNAVAILABLE', CENTRAL_UNAVAILABLE_MESSAGE) : answer
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await setOfferingCapacity(trx, offering.id, answer.value.capacity, at)
    await applySeatCounts(trx, answer.value.seats, at)
    await appendAudit(trx, {
      at,
      operatorId: supervisor.value.id,
      candidateId: null,
      action: 'offering.capacity',
      outcome: 'ok',
      detail: `${offering.id}: ${offering.capacity} → ${answer.value.capacity}, ${answer.value.promoted.length} promoted`,
    })
  })
  const [updated] = await findOfferings(ctx.db, [offering.id])
  return ok(await toRow(ctx.db, updated ?? offering, await waitingCounts(ctx)))
}
