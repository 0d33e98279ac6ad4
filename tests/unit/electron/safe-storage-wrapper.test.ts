import { describe, expect, it } from 'vitest'
import { createSafeStorageWrapper, type SafeStorageLike } from '../../../src-main/electron/safe-storage-wrapper'
import { newDataKey } from '../../../src-main/protection/field-protector'

/** Stands in for Electron's safeStorage: "encrypts" by reversing, reports the chosen backend. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`sealed:${[...s].reverse().join('')}`),
    decryptString: (b) => [...b.toString().replace(/^sealed:/, '')].reverse().join(''),
    getSelectedStorageBackend: () => backend,
  }
}

describe('K3 at rest: the Electron safeStorage key wrapper', () => {
  it('K3: wraps and unwraps the data key through the keychain', () => {
    const wrapper = createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux', {})
    const key = newDataKey()
    expect(wrapper.kind).toBe('safe-storage')
    expect(wrapper.unwrap(wrapper.wrap(key)).equals(key)).toBe(true)
  })

  it('K3: on Linux refuses the basic_text fallback unless KIOSK_ALLOW_BASIC_TEXT_KEY=1', () => {
    expect(() => createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux', {})).toThrow(/KIOSK_ALLOW_BASIC_TEXT_KEY=1/)
    expect(() => createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux', { KIOSK_ALLOW_BASIC_TEXT_KEY: 'yes' })).toThrow()
    expect(createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux', { KIOSK_ALLOW_BASIC_TEXT_KEY: '1' }).kind).toBe('safe-storage')
  })

  it('K3: refuses when no keychain is available at all', () => {
    expect(() => createSafeStorageWrapper(fakeSafeStorage('unknown', false), 'win32', {})).toThrow(/keychain/)
  })
})
