import { describe, expect, it } from 'vitest'
import { isDevMode } from '../../../src-main/electron/dev-mode'

describe('development flag (K6)', () => {
  it('K6: --dev or KIOSK_DEV=1 relaxes an unpackaged build', () => {
    expect(isDevMode(['--dev'], {}, false)).toBe(true)
    expect(isDevMode([], { KIOSK_DEV: '1' }, false)).toBe(true)
    expect(isDevMode([], {}, false)).toBe(false)
    expect(isDevMode([], { KIOSK_DEV: 'yes' }, false)).toBe(false)
  })

  it('K6: a packaged build ignores it: the kiosk stays locked', () => {
    expect(isDevMode(['--dev'], { KIOSK_DEV: '1' }, true)).toBe(false)
  })
})
