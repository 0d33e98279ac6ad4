/**
 * Test helpers around the real electron-builder: load electron-builder.yml, validate it against
 * electron-builder's own schema, and produce the app-update.yml a packaged build would carry.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

type Config = Record<string, unknown> & { win: Record<string, unknown> & { signtoolOptions: { publisherName: string[] } } }

const { load } = require('js-yaml') as { load(text: string): unknown }
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>
}
const { getAppUpdatePublishConfiguration } = require('app-builder-lib/out/publish/PublishManager.js') as {
  getAppUpdatePublishConfiguration(packager: unknown, target: null, arch: number, errorIfCannot: boolean): Promise<Record<string, unknown> | null>
}
const { AppInfo } = require('app-builder-lib/out/appInfo.js') as { AppInfo: new (info: unknown, buildVersion: null, options: unknown) => object }
const { Platform } = require('app-builder-lib/out/core.js') as { Platform: { WINDOWS: unknown; LINUX: unknown } }
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(value: string, arch: string | null, appInfo: object): string
}
const { serializeToYaml, Arch } = require('builder-util') as { serializeToYaml(value: unknown): string; Arch: { x64: number } }

export function loadBuilderConfig(): Config {
  return load(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as Config
}

export function validateBuilderConfig(config: unknown): Promise<void> {
  return validateConfiguration(config, { isEnabled: false, add() {} })
}

/**
 * The app-update.yml electron-builder writes into a Windows build's resources, computed by its
 * own PublishManager. Only the platform packager is a stand-in: its signing manager reports the
 * publisher names configured in signtoolOptions, as WinPackager's does when they are set.
 */
export async function generateAppUpdateYml(config: Config, platform: 'windows' | 'linux' = 'windows'): Promise<string> {
  const metadata = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Record<string, unknown>
  const options = platform === 'windows' ? config.win : (config['linux'] as Record<string, unknown>)
  const info = { metadata, config, devMetadata: metadata }
  const appInfo = new AppInfo(info, null, options)
  const publisherNames = config.win.signtoolOptions.publisherName
  const packager = {
    platform: platform === 'windows' ? Platform.WINDOWS : Platform.LINUX,
    platformSpecificBuildOptions: options,
    config,
    info: { ...info, appInfo },
    appInfo,
    expandMacro: (value: string, arch: string | null) => expandMacro(value, arch, appInfo),
    isForceCodeSigningVerification: config.win['verifyUpdateCodeSignature'] !== false,
    signingManager: { value: Promise.resolve({ computedPublisherName: { value: Promise.resolve(publisherNames) } }) },
  }
  const publishConfig = await getAppUpdatePublishConfiguration(packager, null, Arch.x64, true)
  if (publishConfig === null) throw new Error('electron-builder would write no app-update.yml')
  return serializeToYaml(publishConfig)
}

export function parseYaml(text: string): Record<string, unknown> {
  return load(text) as Record<string, unknown>
}
