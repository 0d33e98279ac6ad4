import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { rotateKioskDataKey } from '../../../../src-main/app/key-rotation'
import { openProtectedStore } from '../../../../src-main/app/kiosk-services'
import type { KioskConfig } from '../../../../src-main/app/kiosk-config'
import { loadOrCreateDataKey } from '../../../../src-main/protection/data-key-store'
import { createFieldProtector } from '../../../../src-main/protection/field-protector'
import { createKeyFileWrapper } from '../../../../src-main/protection/key-file-wrapper'
import type { KeyWrapper } from '../../../../src-main/protection/key-wrapper'
import { findRosterByDocument, upsertRosterRecords } from '../../../../src-main/store/roster-repository'
import { CHEN, WANG } from '../support/fixtures'

describe('K3 at rest: the data key and its rotation', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  function config(): KioskConfig {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-rotate-'))
    dirs.push(dataDir)
    return { dataDir, centralUrl: null, deviceToken: null, kioskId: 'test-kiosk' }
  }

  it('K3: the first start creates a data key kept only wrapped; the next start unwraps the same key', async () => {
    const cfg = config()
    const first = await openProtectedStore(cfg, createKeyFileWrapper(cfg.dataDir))
    const key = await loadOrCreateDataKey(first.store.db, createKeyFileWrapper(cfg.dataDir))
    const stored = first.store.sqlite.prepare("SELECT value FROM meta WHERE key = 'data_key_wrapped'").get() as { value: string }
    expect(Buffer.from(stored.value, 'base64').includes(key)).toBe(false)
    await first.store.close()
    const again = await openProtectedStore(cfg, createKeyFileWrapper(cfg.dataDir))
    expect((await loadOrCreateDataKey(again.store.db, createKeyFileWrapper(cfg.dataDir))).equals(key)).toBe(true)
    await again.store.close()
  })

  it('K3: a store wrapped by the keychain is refused by the key file, with the reason', async () => {
    const cfg = config()
    const keychain: KeyWrapper = { kind: 'safe-storage', wrap: (k) => Buffer.from(k), unwrap: (b) => Buffer.from(b) }
    const { store } = await openProtectedStore(cfg, keychain)
    await store.close()
    await expect(openProtectedStore(cfg, createKeyFileWrapper(cfg.dataDir))).rejects.toThrow(/safe-storage/)
  })

  it('K3: rotation re-encrypts every record under a new key in one go; lookups still find them', async () => {
    const cfg = config()
    const wrapper = createKeyFileWrapper(cfg.dataDir)
    const opened = await openProtectedStore(cfg, wrapper)
    await upsertRosterRecords(opened.store.db, opened.protector, [WANG, CHEN])
    const before = opened.store.sqlite.prepare('SELECT id_number_hmac, id_number_enc, phone_enc FROM roster_records ORDER BY candidate_id').all()
    const oldKey = await loadOrCreateDataKey(opened.store.db, wrapper)
    await opened.store.close()

    expect(await rotateKioskDataKey(cfg)).toBe(2)

    const after = await openProtectedStore(cfg, createKeyFileWrapper(cfg.dataDir))
    const newKey = await loadOrCreateDataKey(after.store.db, wrapper)
    expect(newKey.equals(oldKey)).toBe(false)
    const rows = after.store.sqlite.prepare('SELECT id_number_hmac, id_number_enc, phone_enc FROM roster_records ORDER BY candidate_id').all()
    expect(rows).toHaveLength(2)
    for (const [i, row] of rows.entries()) expect(row).not.toEqual(before[i])
    expect(await findRosterByDocument(after.store.db, after.protector, WANG.idType, WANG.idNumber)).toMatchObject({ phone: WANG.phone })
    // The old key opens nothing any more.
    const old = createFieldProtector(oldKey)
    expect(() => old.decrypt('idNumber', (rows[0] as { id_number_enc: string }).id_number_enc)).toThrow()
    await after.store.close()
  })
})
