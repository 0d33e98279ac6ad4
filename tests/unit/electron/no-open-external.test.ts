/** K6: no renderer input can reach shell.openExternal, because no code calls it at all. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue|mjs|cjs|js)$/.test(name) ? [path] : []
  })
}

describe('shell.openExternal (K6)', () => {
  it('K6: is never called or imported by main, the preload or the renderer', () => {
    const offenders = ['src-main', 'src-preload', 'src-renderer', 'src-shared']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => {
        const text = readFileSync(file, 'utf8')
        return /openExternal|openPath|showItemInFolder/.test(text) || /import\s*{[^}]*\bshell\b[^}]*}\s*from\s*['"]electron['"]/.test(text)
      })
    expect(offenders).toEqual([])
  })
})
