import { describe, expect, it } from 'vitest'
import { createLogger, describeError } from '../../../../src-main/support/logger'

function capture() {
  const lines: string[] = []
  const logger = createLogger({ write: (line: string) => void lines.push(line) })
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>)
  return { logger, lines, parsed }
}

describe('K3: the structured log keeps personal data out', () => {
  it('K3: writes one JSON line per entry, with level and message', () => {
    const { logger, parsed } = capture()
    logger.info('catalog synced', { offerings: 12 })
    logger.warn('link lost')
    expect(parsed()).toEqual([
      expect.objectContaining({ level: 30, msg: 'catalog synced', offerings: 12 }),
      expect.objectContaining({ level: 40, msg: 'link lost' }),
    ])
  })

  it('K3: censors fields named like personal data, at any depth', () => {
    const { logger, lines, parsed } = capture()
    logger.error('lookup failed', {
      idNumber: '120104200403151239',
      phone: '13612340001',
      name: '王晓明',
      password: 'demo1234',
      candidate: { idNumber: 'A1234563', phone: '13912340003', deviceToken: 'tok-secret' },
      request: { body: { name: '陈嘉欣', token: 'abc' } },
    })
    const text = lines.join('\n')
    for (const secret of ['120104200403151239', '13612340001', '王晓明', 'demo1234', 'A1234563', '13912340003', 'tok-secret', '陈嘉欣', 'abc'])
      expect(text).not.toContain(secret)
    expect(parsed()[0]).toMatchObject({ idNumber: '[redacted]', candidate: { phone: '[redacted]' }, request: { body: { name: '[redacted]' } } })
  })

  it('K3: scrubs ID-number- and phone-shaped values from messages and from any string field', () => {
    const { logger, lines } = capture()
    logger.warn('central refused 120104200403151239 for 13800008008')
    logger.info('retry', { note: 'candidate A1234563 phone 19912340037' })
    const text = lines.join('\n')
    for (const secret of ['120104200403151239', '13800008008', 'A1234563', '19912340037']) expect(text).not.toContain(secret)
    expect(text).toContain('central refused [redacted]')
  })

  it('K3: a caught error is described by class and code, its message redacted', () => {
    const error = Object.assign(new Error('UNIQUE constraint failed for 99301000037'), { code: 'SQLITE_CONSTRAINT' })
    expect(describeError(error)).toBe('Error [SQLITE_CONSTRAINT]: UNIQUE constraint failed for [redacted]')
  })
})
