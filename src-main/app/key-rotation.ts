/**
 * K3: the key-rotation command (`node out/main/host.js --rotate-key --data DIR`). Opens the
 * store as the kiosk does (migrating it and protecting parked values first), then re-encrypts
 * every protected value under a new data key in one transaction. Run it with the kiosk stopped:
 * a running kiosk keeps the old key in memory.
 */
import { createKeyFileWrapper } from '../protection/key-file-wrapper'
import type { KeyWrapper } from '../protection/key-wrapper'
import { rotateDataKey } from '../protection/rotate-data-key'
import type { KioskConfig } from './kiosk-config'
import { openProtectedStore } from './kiosk-services'

export const ROTATE_KEY_FLAG = '--rotate-key'

/** Returns how many roster records were re-encrypted. */
export async function rotateKioskDataKey(config: KioskConfig, wrapper: KeyWrapper = createKeyFileWrapper(config.dataDir)): Promise<number> {
  const { store } = await openProtectedStore(config, wrapper)
  try {
    return await rotateDataKey(store, wrapper)
  } finally {
    await store.close()
  }
}
