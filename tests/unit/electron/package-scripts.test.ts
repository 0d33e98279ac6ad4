/** K6: what `npm test`, `npm start` and `npm run dist` run, and where Electron's SQLite comes from. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PACKAGED_SQLITE_BINDING, withSqliteBinding } from '../../../src-main/electron/sqlite-binding'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  devDependencies: Record<string, string>
}

describe('package scripts (K6)', () => {
  it('K6: npm test gates on electronegativity after the build, so it scans the built output too', () => {
    const steps = pkg.scripts['test']!.split('&&').map((s) => s.trim())
    expect(steps.indexOf('npm run lint:electron')).toBeGreaterThan(steps.indexOf('npm run build'))
    expect(pkg.scripts['lint:electron']).toBe('node scripts/electronegativity-gate.mjs')
    expect(pkg.devDependencies['@doyensec/electronegativity']).toMatch(/^\d+\.\d+\.\d+$/)
    expect(pkg.scripts['dist']).toBe('node scripts/dist.mjs')
  })

  it('K6: Electron gets its own better-sqlite3 build; node_modules keeps the Node build for the tests', () => {
    expect(withSqliteBinding({ KIOSK_SQLITE_BINDING: '/dev/.electron-native/x.node' }, { isPackaged: false, resourcesPath: '/r' })).toEqual({
      KIOSK_SQLITE_BINDING: '/dev/.electron-native/x.node',
    })
    const packaged = withSqliteBinding({ KIOSK_SQLITE_BINDING: '/tmp/other.node' }, { isPackaged: true, resourcesPath: '/opt/app/resources' })
    expect(packaged['KIOSK_SQLITE_BINDING']?.replaceAll('\\', '/')).toBe(`/opt/app/resources/${PACKAGED_SQLITE_BINDING.replaceAll('\\', '/')}`)
    const native = readFileSync(join(ROOT, 'scripts/electron-native.mjs'), 'utf8')
    // The Electron build happens in a copy under .electron-native/, never in node_modules.
    expect(native).toContain("join(root, '.electron-native'")
    expect(native).toContain("'--module-dir', appDir")
  })
})
