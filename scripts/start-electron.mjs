#!/usr/bin/env node
// `npm start`: runs the kiosk in Electron (unpackaged; `-- --dev` relaxes kiosk mode and devtools).
// 1. Fetches the Electron binary when it is missing.
// 2. Builds better-sqlite3 for Electron's ABI into .electron-native/ (node_modules keeps Node's).
// 3. Builds the app with electron-vite and starts Electron on it, pointing main at that build
//    with KIOSK_SQLITE_BINDING.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureElectronBinary, ensureSqliteForElectron, root, run } from './electron-native.mjs'

const require = createRequire(import.meta.url)

ensureElectronBinary()
const binding = ensureSqliteForElectron()
run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
const electronPath = require('electron')
const child = spawn(electronPath, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, KIOSK_SQLITE_BINDING: binding },
})
child.on('exit', (code) => process.exit(code ?? 0))
