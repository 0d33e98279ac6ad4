/**
 * B1–B3: the 笔试科目报考 and 口试科目报考 tables. Every row carries main's answer to "may this
 * candidate tick it now" with the reason when not, from the shared rules over the cached
 * offerings and the candidate's bookings; the central checks again when the booking is sent.
 */
import { checkCanSubmitWaitlist, offeringAvailability, sameLevelWrittenCode } from '../../../src-shared/domain/booking-rules'
import { reasonText, type ReasonRef } from '../../../src-shared/domain/reasons'
import { ok, type Result } from '../../../src-shared/domain/result'
import { findSubject, writtenGroup } from '../../../src-shared/domain/subjects'
import type { OfferingOption, OralOfferingsPage, WrittenOfferingsPage } from '../../../src-shared/ipc/booking-views'
import type { Offering, RosterRecord } from '../../../src-shared/schemas'
import { listActiveBookings, type LocalBooking } from '../../store/booking-repository'
import { findCampus, findSchool } from '../../store/catalog-repository'
import { listSchoolOfferings } from '../../store/offering-repository'
import type { KioskDb } from '../../store/schema'
import type { ServiceContext } from '../service-context'
import { requireBookingCandidate } from './booking-candidate'
import { cachedWaitlist, waitingSubjectCodes } from '../waitlist/waitlist-cache'
import { refreshWaitlist } from '../waitlist/waitlist-sync'
import { withAllotmentSeats } from '../sync/allotment-seats'
import { permissionFrom, refusedFor } from './permission'

export const NO_ORAL_CAMPUS_REASON = reasonText({ code: 'noOralCampus' })

async function toOption(
  db: KioskDb,
  offering: Offering,
  record: RosterRecord,
  bookings: readonly LocalBooking[],
  now: Date,
  waiting: readonly string[],
): Promise<OfferingOption> {
  const input = {
    candidate: { campusCode: record.campusCode, eligibleSubjectCodes: record.eligibleSubjectCodes },
    offering,
    bookings,
    now,
    activeWaitlistSubjectCodes: waiting,
  }
  const availability = offeringAvailability(input)
  const waitingHere = waiting.includes(offering.subjectCode)
  // W1: a full row offers 提交候补 with main's answer; the reason says why not (B2, oral needs written).
  const canWait = checkCanSubmitWaitlist(input)
  const full = availability.seats === '无'
  const school = await findSchool(db, offering.schoolCode)
  const campus = await findCampus(db, offering.campusCode)
  return {
    offeringId: offering.id,
    subject: { code: offering.subjectCode, name: findSubject(offering.subjectCode)?.name ?? offering.subjectCode },
    school: { code: offering.schoolCode, name: school?.name ?? offering.schoolCode },
    campus: { code: offering.campusCode, name: campus?.name ?? offering.campusCode },
    feeCents: offering.feeCents,
    seatsLabel: availability.seats,
    waitlistLabel: waitingHere ? '正在候补' : full ? '可以候补' : '—',
    registrationStart: offering.registrationStart,
    registrationEnd: offering.registrationEnd,
    booked: bookings.some((b) => b.offeringId === offering.id),
    book:
      availability.bookable || availability.reasonRef === undefined
        ? { allowed: availability.bookable, reason: availability.reason }
        : refusedFor(availability.reasonRef),
    waitlist: full && !waitingHere ? permissionFrom(canWait) : null,
    waiting: waitingHere,
  }
}

export async function getWrittenOfferings(ctx: ServiceContext, input: { visitId: string }): Promise<Result<WrittenOfferingsPage>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { record, candidateId, visit } = found.value
  const now = ctx.clock()
  // W2: the waitlist first: a promotion it learns of brings its booking into the store.
  const waiting = waitingSubjectCodes((await refreshWaitlist(ctx, visit, candidateId)) ?? cachedWaitlist(visit, candidateId))
  const bookings = await listActiveBookings(ctx.db, candidateId)
  // S4: this kiosk's free allotment seats count as available here.
  const offerings = (await withAllotmentSeats(ctx.db, await listSchoolOfferings(ctx.db, record.schoolCode), now)).filter(
    (o) => findSubject(o.subjectCode)?.kind === 'written',
  )
  const groups: WrittenOfferingsPage['groups'] = [
    { title: '英语笔试', options: [] },
    { title: '小语种笔试', options: [] },
  ]
  for (const offering of offerings) {
    const subject = findSubject(offering.subjectCode)
    if (subject === undefined) continue
    const group = groups.find((g) => g.title === writtenGroup(subject))
    group?.options.push(await toOption(ctx.db, offering, record, bookings, now, waiting))
  }
  return ok({ groups })
}

function oralReason(code: string, record: RosterRecord, bookings: readonly LocalBooking[], allowed: number): ReasonRef | null {
  const subject = findSubject(code)
  if (subject === undefined) return null
  if (!record.eligibleSubjectCodes.includes(code)) return { code: 'notEligible', subject: code }
  const written = sameLevelWrittenCode(subject)
  if (!bookings.some((b) => b.subjectCode === written && b.status === 'paid')) return { code: 'writtenNotPaid', subject: code, other: written }
  return allowed === 0 ? { code: 'noOralCampus' } : null
}

export async function getOralOfferings(ctx: ServiceContext, input: { visitId: string }): Promise<Result<OralOfferingsPage>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { record, candidateId, visit } = found.value
  const now = ctx.clock()
  // W2: the waitlist first: a promotion it learns of brings its booking into the store.
  const waiting = waitingSubjectCodes((await refreshWaitlist(ctx, visit, candidateId)) ?? cachedWaitlist(visit, candidateId))
  const bookings = await listActiveBookings(ctx.db, candidateId)
  const oral = (await withAllotmentSeats(ctx.db, await listSchoolOfferings(ctx.db, record.schoolCode), now)).filter(
    (o) => findSubject(o.subjectCode)?.kind === 'oral',
  )
  const codes = [...new Set(oral.map((o) => o.subjectCode))]
  const subjects: OralOfferingsPage['subjects'] = []
  for (const code of codes) {
    // B3: only the campuses the school allows for the candidate's campus are offered.
    const allowed = oral.filter((o) => o.subjectCode === code && o.oralAllowedCampusCodes.includes(record.campusCode))
    const options = await Promise.all(allowed.map((o) => toOption(ctx.db, o, record, bookings, now, waiting)))
    // W1: with the written subject booked but not yet paid, a full row may still be waited for.
    const why = options.some((o) => o.waitlist?.allowed === true) ? null : oralReason(code, record, bookings, allowed.length)
    subjects.push({
      subject: { code, name: findSubject(code)?.name ?? code },
      reason: why === null ? null : reasonText(why),
      ...(why === null ? {} : { reasonRef: why }),
      campuses: options.map((o) => o.campus),
      options,
    })
  }
  return ok({ subjects })
}
