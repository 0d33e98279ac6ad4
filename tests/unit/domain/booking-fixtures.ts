/** Plain-data builders for the booking rules' tests. */
import type { BookingFacts, CandidateFacts, OfferingFacts } from '../../../src-shared/domain/booking-rules'

export const NOW = '2026-09-10T04:00:00.000Z'

export const LAN: CandidateFacts = { campusCode: '120010', eligibleSubjectCodes: ['1', '2', '4', '5', 'F', 'S'] }

export function offering(subjectCode: string, over: Partial<OfferingFacts> = {}): OfferingFacts {
  return {
    id: `120010-${subjectCode}`,
    subjectCode,
    campusCode: '120010',
    feeCents: 10,
    seatsLeft: 5,
    registrationStart: '2026-09-01T00:00:00.000Z',
    registrationEnd: '2026-10-01T00:00:00.000Z',
    examStart: '2026-12-13T01:00:00.000Z',
    oralAllowedCampusCodes: subjectCode === 'F' || subjectCode === 'S' ? ['120010', '120011'] : [],
    ...over,
  }
}

let next = 0
export function booking(subjectCode: string, over: Partial<BookingFacts> = {}): BookingFacts {
  next += 1
  return {
    id: `B${next}`,
    offeringId: `120010-${subjectCode}`,
    subjectCode,
    feeCents: 10,
    status: 'unpaid',
    createdAt: '2026-09-10T00:00:00.000Z',
    collectiveLocked: false,
    scoreReport: null,
    ...over,
  }
}
