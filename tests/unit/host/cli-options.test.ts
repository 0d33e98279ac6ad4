import { describe, expect, it } from 'vitest'
import { DEFAULT_HOST_PORT, readHostCliOptions } from '../../../src-main/host/cli-options'

describe('headless host command line', () => {
  it('defaults to port 4173 and passes the kiosk flags on', () => {
    const options = readHostCliOptions(['--data', '/tmp/d', '--central', 'http://127.0.0.1:9', '--token', 't'], {})
    expect(options.port).toBe(DEFAULT_HOST_PORT)
    expect(options.kioskArgv).toEqual(['--data', '/tmp/d', '--central', 'http://127.0.0.1:9', '--token', 't'])
  })

  it('takes the port from KIOSK_PORT, and --port over it', () => {
    expect(readHostCliOptions([], { KIOSK_PORT: '5000' }).port).toBe(5000)
    expect(readHostCliOptions(['--port', '5001'], { KIOSK_PORT: '5000' }).port).toBe(5001)
    expect(readHostCliOptions(['--port=5002', '--data', 'x'], {})).toEqual({ port: 5002, kioskArgv: ['--data', 'x'] })
  })

  it('refuses a port that is not a number', () => {
    expect(() => readHostCliOptions(['--port', 'abc'], {})).toThrow()
    expect(() => readHostCliOptions(['--port', '70000'], {})).toThrow()
    expect(() => readHostCliOptions(['--port'], {})).toThrow()
  })
})
