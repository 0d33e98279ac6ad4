/** K6: the packaging configuration, checked with electron-builder's own schema and publisher. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PACKAGED_SQLITE_BINDING } from '../../../src-main/electron/sqlite-binding'
import { generateAppUpdateYml, loadBuilderConfig, parseYaml, validateBuilderConfig } from './builder-config'

const config = loadBuilderConfig()
const UPDATE_URL = 'https://updates.campus.example/cet-kiosk/'

function distinguishedName(subject: string): Map<string, string> {
  return new Map(subject.split(/,\s*/).map((part) => part.split('=') as [string, string]))
}

describe('electron-builder configuration (K6)', () => {
  beforeEach(() => {
    process.env['KIOSK_UPDATE_URL'] = UPDATE_URL
  })
  afterEach(() => {
    delete process.env['KIOSK_UPDATE_URL']
  })

  it('K6: passes electron-builder 26\'s own schema validation', async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
    await expect(validateBuilderConfig({ ...config, electronFuses: { runAsNode: 'no' } })).rejects.toThrow()
  })

  it('K6: builds NSIS for Windows, dmg (and the zip updates need) for macOS, AppImage and deb for Linux', () => {
    expect(config).toMatchObject({
      win: { target: 'nsis' },
      mac: { target: expect.arrayContaining(['dmg', 'zip']) },
      linux: { target: ['AppImage', 'deb'] },
    })
  })

  it('K6: flips the fuses: no RunAsNode, no NODE_OPTIONS, no inspect, app only from an integrity-checked asar', () => {
    expect(config['asar']).toBe(true)
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('K6: refuses to build unsigned, notarises on macOS, and pins the full Windows signer subject', () => {
    expect(config['forceCodeSigning']).toBe(true)
    expect(config).toMatchObject({ mac: { hardenedRuntime: true, notarize: true }, win: { verifyUpdateCodeSignature: true } })
    const [subject, ...others] = config.win.signtoolOptions.publisherName
    expect(others).toEqual([])
    const dn = distinguishedName(subject!)
    for (const field of ['CN', 'O', 'L', 'S', 'C']) expect(dn.get(field), field).toBeTruthy()
  })

  it('K6: ships better-sqlite3 built for Electron as a resource and never rebuilds node_modules (npm test keeps the Node build)', () => {
    expect(config['npmRebuild']).toBe(false)
    expect(config['extraResources']).toContainEqual({ from: '.electron-native/dist/better_sqlite3.node', to: PACKAGED_SQLITE_BINDING.replaceAll('\\', '/') })
    expect(config['files']).toContain('!node_modules/better-sqlite3/build/**')
  })

  it('K6: publishes to a generic IT server and never follows a prerelease channel', () => {
    expect(config['publish']).toEqual({ provider: 'generic', url: '${env.KIOSK_UPDATE_URL}' })
    expect(config['detectUpdateChannel']).toBe(false)
  })

  it('K6: the generated Windows app-update.yml names the feed, the cache and the full publisher subject', async () => {
    const yml = parseYaml(await generateAppUpdateYml(config))
    expect(yml).toEqual({
      provider: 'generic',
      url: UPDATE_URL,
      updaterCacheDirName: 'cet-kiosk-updater',
      publisherName: config.win.signtoolOptions.publisherName,
    })
  })

  it('K6: the generated Linux app-update.yml carries no channel', async () => {
    const yml = parseYaml(await generateAppUpdateYml(config, 'linux'))
    expect(yml).toEqual({ provider: 'generic', url: UPDATE_URL, updaterCacheDirName: 'cet-kiosk-updater' })
  })
})
