import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createKeyFileWrapper, KEY_FILE_NAME } from '../../../../src-main/protection/key-file-wrapper'
import { newDataKey } from '../../../../src-main/protection/field-protector'

describe('K3 at rest: the headless host key file', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-key-'))
    dirs.push(dir)
    return dir
  }

  it('K3: creates the key file readable by its owner only (0600) and unwraps what it wrapped', () => {
    const dir = tempDir()
    const wrapper = createKeyFileWrapper(dir)
    const dataKey = newDataKey()
    const wrapped = wrapper.wrap(dataKey)
    expect(wrapped.includes(dataKey)).toBe(false)
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600)
    // A new wrapper over the same file (the next start) unwraps it too.
    expect(createKeyFileWrapper(dir).unwrap(wrapped).equals(dataKey)).toBe(true)
  })

  it.skipIf(process.platform === 'win32')('K3: refuses a key file that others may read', () => {
    const dir = tempDir()
    createKeyFileWrapper(dir).wrap(newDataKey())
    chmodSync(join(dir, KEY_FILE_NAME), 0o644)
    expect(() => createKeyFileWrapper(dir).wrap(newDataKey())).toThrow(/chmod 600/)
  })

  it('K3: another key file cannot unwrap the data key', () => {
    const wrapped = createKeyFileWrapper(tempDir()).wrap(newDataKey())
    expect(() => createKeyFileWrapper(tempDir()).unwrap(wrapped)).toThrow()
  })

  it('refuses a damaged key file', () => {
    const dir = tempDir()
    writeFileSync(join(dir, KEY_FILE_NAME), Buffer.alloc(5), { mode: 0o600 })
    expect(() => createKeyFileWrapper(dir).wrap(newDataKey())).toThrow(/damaged/)
  })
})
