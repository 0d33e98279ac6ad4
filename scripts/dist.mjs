#!/usr/bin/env node
// `npm run dist`: signed installers for the machine it runs on (Windows: NSIS; macOS: dmg + zip;
// Linux: AppImage + deb), into dist/ together with the update feed (latest*.yml) that goes on
// the IT update server. Native code cannot be cross-built: run it once on each OS.
// Signing and notarisation come from the environment (docs/packaging.md). Extra arguments go
// to electron-builder, e.g. `npm run dist -- --x64`.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ensureSqliteForElectron, root, run } from './electron-native.mjs'

if (!process.env.KIOSK_UPDATE_URL) {
  console.error('dist: set KIOSK_UPDATE_URL to the IT update server (https://…/); it is baked into app-update.yml.')
  process.exit(1)
}
// electron-builder.yml takes the binding from .electron-native/dist/ (npmRebuild is off so the
// Node build in node_modules, which `npm test` uses, is never overwritten).
const binding = ensureSqliteForElectron()
mkdirSync(join(root, '.electron-native', 'dist'), { recursive: true })
copyFileSync(binding, join(root, '.electron-native', 'dist', 'better_sqlite3.node'))
run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
run(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)])
