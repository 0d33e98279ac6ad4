// What running or packaging under Electron needs and a fresh clone lacks (shared by
// start-electron.mjs and dist.mjs):
// - the Electron binary (installs here skip it with ELECTRON_SKIP_BINARY_DOWNLOAD=1);
// - better-sqlite3 built for Electron's ABI, in .electron-native/. The copy in node_modules stays
//   built for Node, which the tests and the headless host use, so `npm test` and `npm start` /
//   `npm run dist` work in either order. Main loads the Electron build through better-sqlite3's
//   `nativeBinding` option.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronDir = join(root, 'node_modules', 'electron')
export const electronVersion = require(join(electronDir, 'package.json')).version

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.status !== 0) {
    console.error(`"${command} ${args.join(' ')}" failed (exit ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

export function ensureElectronBinary() {
  if (existsSync(join(electronDir, 'path.txt'))) return
  console.log(`fetching the Electron ${electronVersion} binary (first time only)…`)
  const env = { ...process.env }
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  run(process.execPath, [join(electronDir, 'install.js')], { env })
}

/** Returns the path of better_sqlite3.node built for Electron on this platform and arch. */
export function ensureSqliteForElectron(arch = process.arch) {
  const appDir = join(root, '.electron-native', `electron-${electronVersion}-${process.platform}-${arch}`)
  const target = join(appDir, 'node_modules', 'better-sqlite3')
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  console.log(`building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch}, first time only)…`)
  const source = join(root, 'node_modules', 'better-sqlite3')
  rmSync(appDir, { recursive: true, force: true })
  mkdirSync(dirname(target), { recursive: true })
  cpSync(source, target, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) })
  const version = require(join(source, 'package.json')).version
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': version } }))
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`],
    { cwd: target, stdio: 'inherit' },
  )
  if (prebuilt.status !== 0 || !existsSync(binding)) {
    // No prebuilt binary for this platform: compile against Electron's headers with @electron/rebuild.
    run(process.execPath, [require.resolve('@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--arch', arch, '--module-dir', appDir, '--which-module', 'better-sqlite3', '--force'])
  }
  if (!existsSync(binding)) {
    console.error('could not build better-sqlite3 for Electron; see the output above.')
    process.exit(1)
  }
  return binding
}
