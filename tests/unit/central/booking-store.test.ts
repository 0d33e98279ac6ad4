import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bookingStore } from '../../../src-central/booking-store'
import { openCentralDatabase } from '../../../src-central/database'
import { seedDemoData } from '../../../src-central/demo-data'

describe('central booking store', () => {
  let db: ReturnType<typeof openCentralDatabase>['db']
  beforeEach(() => {
    db = openCentralDatabase(':memory:', { onCreate: (d) => seedDemoData(d, new Date('2026-09-01T00:00:00Z')) }).db
  })
  afterEach(() => db.close())

  it('B1 B4: a new booking is answered exactly as it reads back from the database (#8: built, not read again)', () => {
    const store = bookingStore(db, 3_600_000)
    const offering = store.offeringById('120010-1')!
    const created = db.transaction(() => store.insertBooking('C12001-00008', offering, 'kiosk-1', new Date('2026-09-02T03:04:05.678Z')))()
    expect(JSON.stringify(created)).toBe(JSON.stringify(store.booking(created.id)))
    expect(created).toMatchObject({ status: 'unpaid', createdAt: '2026-09-02T03:04:05.678Z', schoolCode: offering.schoolCode, campusCode: offering.campusCode })
  })
})
