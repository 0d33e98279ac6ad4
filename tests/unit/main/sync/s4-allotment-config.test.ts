import { describe, expect, it } from 'vitest'
import { readKioskConfig } from '../../../../src-main/app/kiosk-config'

describe('S4: how many seats the kiosk keeps allotted per offering (--allotment-seats / KIOSK_ALLOTMENT_SEATS)', () => {
  const defaults = { dataDir: '/tmp/kiosk' }
  it('is unset by default (the kiosk keeps 2), read from the flag or the environment, flag first; 0 disables', () => {
    expect(readKioskConfig([], {}, defaults).allotmentSeats).toBeUndefined()
    expect(readKioskConfig(['--allotment-seats', '5'], { KIOSK_ALLOTMENT_SEATS: '3' }, defaults).allotmentSeats).toBe(5)
    expect(readKioskConfig([], { KIOSK_ALLOTMENT_SEATS: '3' }, defaults).allotmentSeats).toBe(3)
    expect(readKioskConfig(['--allotment-seats=0'], {}, defaults).allotmentSeats).toBe(0)
  })
  it('refuses what the central would never grant, with a sentence naming the setting', () => {
    expect(() => readKioskConfig(['--allotment-seats', '21'], {}, defaults)).toThrow(/--allotment-seats \/ KIOSK_ALLOTMENT_SEATS/)
    expect(() => readKioskConfig([], { KIOSK_ALLOTMENT_SEATS: 'two' }, defaults)).toThrow(/0 to 20/)
  })
})
