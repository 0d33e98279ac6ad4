/** The kiosk's message format (issue #9): text and {placeholders}, nothing else. */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { compileMessage, parseMessage } from './message-compiler'

describe('message compiler', () => {
  it('splits text and {placeholders}; @ and | are plain text', () => {
    expect(parseMessage('考试: {name}')).toEqual(['考试: ', { name: 'name' }])
    expect(parseMessage('a@b.c | d')).toEqual(['a@b.c | d'])
  })

  it('refuses a brace that is not a placeholder', () => {
    expect(() => parseMessage('x {b')).toThrow(/brace/)
    expect(() => parseMessage('x {1}')).toThrow(/brace/)
  })

  it('interpolates named values through vue-i18n', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'en',
      messages: { en: { hello: 'Exam: {name} ({count})', mail: 'write to a@b.c | now' } },
      messageCompiler: compileMessage,
    })
    expect(i18n.global.t('hello', { name: '2026H2', count: 3 })).toBe('Exam: 2026H2 (3)')
    expect(i18n.global.t('mail')).toBe('write to a@b.c | now')
  })
})
