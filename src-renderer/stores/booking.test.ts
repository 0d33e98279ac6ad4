// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { emptyBookings, ok, registrationInfo, VISIT_ID, writtenBooking, writtenPage } from '../testing/fixtures'
import { useBookingStore } from './booking'
import { useVisitStore } from './visit'

vi.mock('../api', () => import('../testing/fake-api'))

describe('booking store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    useVisitStore().visitId = VISIT_ID
  })

  it('B1 B4: booking sends the ticked offerings for the visit and hands main’s page to the visit store', async () => {
    const booked = registrationInfo({ bookings: emptyBookings({ written: [writtenBooking()] }) })
    vi.mocked(api.bookOfferings).mockResolvedValue(ok(booked))
    await useBookingStore().book(['120010-1'])
    expect(api.bookOfferings).toHaveBeenCalledWith({ visitId: VISIT_ID, offeringIds: ['120010-1'] })
    expect(useVisitStore().info?.bookings.written[0]?.bookingId).toBe('b-1')
  })

  it('R1: score-report choices are sent as confirmed (the dialog asked twice)', async () => {
    vi.mocked(api.saveScoreReportChoices).mockResolvedValue(ok(registrationInfo()))
    await useBookingStore().saveScoreReports([{ bookingId: 'b-1', choice: 'paper' }])
    expect(api.saveScoreReportChoices).toHaveBeenCalledWith({ visitId: VISIT_ID, choices: [{ bookingId: 'b-1', choice: 'paper' }], confirmed: true })
  })

  it('K2: the tables are forgotten when the visit ends', async () => {
    vi.mocked(api.getWrittenOfferings).mockResolvedValue(ok(writtenPage()))
    const booking = useBookingStore()
    await booking.loadWritten()
    expect(booking.written).not.toBeNull()
    useVisitStore().reset()
    await nextTick()
    expect(booking.written).toBeNull()
  })

  it('B6: a deleted registration ends the visit', async () => {
    vi.mocked(api.deleteRegistration).mockResolvedValue(ok({}))
    vi.mocked(api.endVisit).mockResolvedValue(ok({}))
    await useBookingStore().deleteRegistration()
    expect(api.endVisit).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(useVisitStore().active).toBe(false)
  })
})
