/**
 * K3 at rest, in the Electron app: the data key is wrapped by the OS keychain through Electron's
 * safeStorage (DPAPI, Keychain, libsecret/kwallet). On Linux without a keyring safeStorage falls
 * back to `basic_text`, a hard-coded password: that protects nothing, so it is refused unless
 * the deployment explicitly allows it with KIOSK_ALLOW_BASIC_TEXT_KEY=1.
 */
import type { KeyWrapper } from '../protection/key-wrapper'

/** The part of Electron's safeStorage used here (injectable for tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend?(): string
}

export const ALLOW_BASIC_TEXT_ENV = 'KIOSK_ALLOW_BASIC_TEXT_KEY'

export function createSafeStorageWrapper(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): KeyWrapper {
  if (!safeStorage.isEncryptionAvailable())
    throw new Error('The system keychain is not available, so the local database key cannot be protected.')
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text' && env[ALLOW_BASIC_TEXT_ENV] !== '1')
    throw new Error(
      `No system keyring (libsecret or kwallet) is available, and the fallback would keep the database key unprotected. Install a keyring, or set ${ALLOW_BASIC_TEXT_ENV}=1 to accept that risk.`,
    )
  return {
    kind: 'safe-storage',
    wrap: (dataKey) => safeStorage.encryptString(dataKey.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  }
}
