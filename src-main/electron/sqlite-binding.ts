/**
 * better-sqlite3 under Electron: node_modules keeps the build for Node's ABI (tests, headless
 * host); Electron loads a build for its own ABI through better-sqlite3's `nativeBinding` option.
 * `npm start` points KIOSK_SQLITE_BINDING at .electron-native/; a packaged app carries the
 * Electron build as an extra resource (electron-builder.yml: extraResources → native/).
 */
import { join } from 'node:path'

export const PACKAGED_SQLITE_BINDING = join('native', 'better_sqlite3.node')

/** The environment main reads its config from, with the packaged binding forced in. */
export function withSqliteBinding(
  env: Record<string, string | undefined>,
  app: { readonly isPackaged: boolean; readonly resourcesPath: string },
): Record<string, string | undefined> {
  if (!app.isPackaged) return env
  return { ...env, KIOSK_SQLITE_BINDING: join(app.resourcesPath, PACKAGED_SQLITE_BINDING) }
}
