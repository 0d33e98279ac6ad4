/**
 * K3 at rest: the data key never lies in the store in clear; it is kept wrapped by something
 * outside the database file. In Electron that is the OS keychain through `safeStorage`; in the
 * headless host a key file readable by its owner only. A stolen database alone decrypts nothing.
 */
export interface KeyWrapper {
  /** Stored beside the wrapped key, so the kiosk can say which wrapper a store needs. */
  readonly kind: 'safe-storage' | 'key-file'
  wrap(dataKey: Buffer): Buffer
  /** Throws when the blob was not wrapped by this wrapper. */
  unwrap(wrapped: Buffer): Buffer
}
