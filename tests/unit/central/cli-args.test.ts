import { describe, expect, it } from 'vitest'
import { parseCentralArgs } from '../../../src-central/cli-args'

describe('central command line', () => {
  it('defaults to port 4410 and ./central-data', () => {
    expect(parseCentralArgs([], {})).toEqual({ ok: true, command: { kind: 'serve', port: 4410, dataDir: './central-data' } })
  })

  it('takes CENTRAL_PORT / CENTRAL_DATA_DIR, and flags over them', () => {
    const env = { CENTRAL_PORT: '5000', CENTRAL_DATA_DIR: '/srv/c' }
    expect(parseCentralArgs([], env)).toEqual({ ok: true, command: { kind: 'serve', port: 5000, dataDir: '/srv/c' } })
    expect(parseCentralArgs(['--port', '0', '--data', 'd'], env)).toEqual({
      ok: true,
      command: { kind: 'serve', port: 0, dataDir: 'd' },
    })
  })

  it('parses --issue-token with --schools, and refuses it without', () => {
    expect(parseCentralArgs(['--issue-token', 'K1', '--schools', '12001, 99301'], {})).toEqual({
      ok: true,
      command: { kind: 'issue-token', dataDir: './central-data', kioskId: 'K1', schoolCodes: ['12001', '99301'] },
    })
    expect(parseCentralArgs(['--issue-token', 'K1'], {}).ok).toBe(false)
  })

  it('refuses bad ports and unknown flags', () => {
    expect(parseCentralArgs(['--port', 'abc'], {}).ok).toBe(false)
    expect(parseCentralArgs(['--port', '70000'], {}).ok).toBe(false)
    expect(parseCentralArgs(['--bogus'], {}).ok).toBe(false)
  })
})
