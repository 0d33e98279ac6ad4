#!/usr/bin/env node
// `npm start`: runs the kiosk in Electron.
// 1. Fetches the Electron binary when it is missing (installs here skip it with
//    ELECTRON_SKIP_BINARY_DOWNLOAD=1, so `npm ci` works offline).
// 2. Builds better-sqlite3 for Electron's ABI into .electron-native/ — the copy in node_modules
//    stays built for Node, which the tests and the headless host use. Main loads the Electron
//    build through better-sqlite3's `nativeBinding` option (KIOSK_SQLITE_BINDING).
// 3. Builds the app with electron-vite and starts Electron on it.
import { spawnSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronDir = join(root, 'node_modules', 'electron')
const electronVersion = require(join(electronDir, 'package.json')).version

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.status !== 0) {
    console.error(`start: "${command} ${args.join(' ')}" failed (exit ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

function ensureElectronBinary() {
  if (existsSync(join(electronDir, 'path.txt'))) return
  console.log(`start: fetching the Electron ${electronVersion} binary (first start only)…`)
  const env = { ...process.env }
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  run(process.execPath, [join(electronDir, 'install.js')], { env })
}

function ensureSqliteForElectron() {
  const appDir = join(root, '.electron-native', `electron-${electronVersion}-${process.platform}-${process.arch}`)
  const target = join(appDir, 'node_modules', 'better-sqlite3')
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  console.log(`start: building better-sqlite3 for Electron ${electronVersion} (first start only)…`)
  const source = join(root, 'node_modules', 'better-sqlite3')
  rmSync(appDir, { recursive: true, force: true })
  mkdirSync(dirname(target), { recursive: true })
  cpSync(source, target, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) })
  const version = require(join(source, 'package.json')).version
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': version } }))
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`],
    { cwd: target, stdio: 'inherit' },
  )
  if (prebuilt.status !== 0 || !existsSync(binding)) {
    // No prebuilt binary for this platform: compile against Electron's headers with @electron/rebuild.
    run(process.execPath, [require.resolve('@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--module-dir', appDir, '--which-module', 'better-sqlite3', '--force'])
  }
  if (!existsSync(binding)) {
    console.error('start: could not build better-sqlite3 for Electron; see the output above.')
    process.exit(1)
  }
  return binding
}

ensureElectronBinary()
const binding = ensureSqliteForElectron()
run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
const electronPath = require('electron')
const child = spawn(electronPath, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, KIOSK_SQLITE_BINDING: binding },
})
child.on('exit', (code) => process.exit(code ?? 0))
