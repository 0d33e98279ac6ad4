import { describe, expect, it } from 'vitest'
import { readKioskConfig } from '../../../../src-main/app/kiosk-config'

const defaults = { dataDir: '/tmp/kiosk-data' }

describe('K2: the idle time is configurable', () => {
  it('K2: unset means the default (main serves 180 s)', () => {
    expect(readKioskConfig([], {}, defaults).idleTimeoutSeconds).toBeUndefined()
  })

  it('K2: --idle-seconds wins over KIOSK_IDLE_SECONDS', () => {
    expect(readKioskConfig(['--idle-seconds', '120'], { KIOSK_IDLE_SECONDS: '300' }, defaults).idleTimeoutSeconds).toBe(120)
    expect(readKioskConfig([], { KIOSK_IDLE_SECONDS: '300' }, defaults).idleTimeoutSeconds).toBe(300)
  })

  it.each(['abc', '10', '-5', '4000', '1.5'])('K2: refuses the idle time "%s" with the allowed range', (value) => {
    expect(() => readKioskConfig(['--idle-seconds', value], {}, defaults)).toThrow(/35 to 3600/)
  })
})
