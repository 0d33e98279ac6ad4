import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readKioskConfig } from '../../../../src-main/app/kiosk-config'

const defaults = { dataDir: '/var/lib/kiosk' }

describe('readKioskConfig', () => {
  it('K7: no central configured means demo mode with the default data dir', () => {
    expect(readKioskConfig([], {}, defaults)).toEqual({ dataDir: '/var/lib/kiosk', centralUrl: null, deviceToken: null, kioskId: 'demo-kiosk' })
  })

  it('reads flags (both spellings) and ignores arguments that are not ours', () => {
    const config = readKioskConfig(
      ['/usr/bin/electron', '.', '--no-sandbox', '--data', 'tmp/k1', '--central=https://cet.example.cn/api/', '--token', 'T0K', '--kiosk-id=nk-01'],
      {},
      defaults,
    )
    expect(config).toEqual({ dataDir: resolve('tmp/k1'), centralUrl: 'https://cet.example.cn/api', deviceToken: 'T0K', kioskId: 'nk-01' })
  })

  it('reads the environment, and flags win over it', () => {
    const env = {
      KIOSK_DATA_DIR: '/data/env',
      KIOSK_CENTRAL_URL: 'http://10.0.0.5:8080',
      KIOSK_DEVICE_TOKEN: 'env-token',
      KIOSK_ID: 'env-kiosk',
      KIOSK_SQLITE_BINDING: '/opt/app/better_sqlite3.node',
    }
    expect(readKioskConfig([], env, defaults)).toEqual({
      dataDir: '/data/env',
      centralUrl: 'http://10.0.0.5:8080',
      deviceToken: 'env-token',
      kioskId: 'env-kiosk',
      sqliteNativeBinding: '/opt/app/better_sqlite3.node',
    })
    expect(readKioskConfig(['--kiosk-id', 'flag-kiosk', '--data', '/data/flag'], env, defaults)).toMatchObject({
      dataDir: '/data/flag',
      kioskId: 'flag-kiosk',
    })
  })

  it('refuses bad values with a clear message', () => {
    expect(() => readKioskConfig(['--central', 'ftp://x'], { KIOSK_DEVICE_TOKEN: 't' }, defaults)).toThrow(/must start with http/)
    expect(() => readKioskConfig(['--central', 'not a url'], { KIOSK_DEVICE_TOKEN: 't' }, defaults)).toThrow(/not a valid URL/)
    expect(() => readKioskConfig(['--central', 'http://x'], {}, defaults)).toThrow(/no device token/)
    expect(() => readKioskConfig(['--data'], {}, defaults)).toThrow(/--data needs a value/)
    expect(() => readKioskConfig(['--token', '--data', 'x'], {}, defaults)).toThrow(/--token needs a value/)
    expect(() => readKioskConfig(['--kiosk-id', 'a b'], {}, defaults)).toThrow(/kiosk id/)
    expect(() => readKioskConfig([], {}, { dataDir: ' ' })).toThrow(/No data directory/)
  })
})
