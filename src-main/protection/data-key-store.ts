/**
 * K3 at rest: the store's data key, kept in the meta table wrapped by a KeyWrapper. The first
 * start creates it; later starts unwrap it, and a store wrapped by another kind of wrapper (an
 * Electron store opened by the headless host) is refused with a clear message.
 */
import { getMeta, META_KEYS, setMeta } from '../store/meta-repository'
import type { KioskDb } from '../store/schema'
import { newDataKey } from './field-protector'
import type { KeyWrapper } from './key-wrapper'

export async function loadOrCreateDataKey(db: KioskDb, wrapper: KeyWrapper): Promise<Buffer> {
  const wrapped = await getMeta(db, META_KEYS.dataKeyWrapped)
  if (wrapped === null) {
    const dataKey = newDataKey()
    await storeDataKey(db, wrapper, dataKey)
    return dataKey
  }
  const kind = await getMeta(db, META_KEYS.dataKeyWrapper)
  if (kind !== wrapper.kind)
    throw new Error(`The local database's data key is protected by "${kind ?? 'unknown'}", not "${wrapper.kind}": open it where it was created.`)
  try {
    return wrapper.unwrap(Buffer.from(wrapped, 'base64'))
  } catch (error) {
    throw new Error('The local database\'s data key cannot be unwrapped: the key file or keychain entry is not the one it was created with.', { cause: error })
  }
}

/** Writes the wrapped key; call inside the transaction that re-encrypts under it (rotation). */
export async function storeDataKey(db: KioskDb, wrapper: KeyWrapper, dataKey: Buffer): Promise<void> {
  await setMeta(db, META_KEYS.dataKeyWrapped, wrapper.wrap(dataKey).toString('base64'))
  await setMeta(db, META_KEYS.dataKeyWrapper, wrapper.kind)
}
