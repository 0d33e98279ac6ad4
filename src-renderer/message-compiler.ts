/**
 * The kiosk's message format, compiled for vue-i18n's runtime-only build: plain text with
 * `{name}` placeholders and nothing else (no linked messages, plurals or escapes, so `@` and `|`
 * are ordinary characters). The runtime-only build leaves vue-i18n's own compiler out of the
 * bundle (the renderer's initial-JS budget) and nothing here builds code from strings, so it
 * runs under the CSP (no unsafe-eval).
 */
import type { MessageCompiler, MessageContext } from 'vue-i18n'

export type MessagePart = string | { readonly name: string }

const PLACEHOLDER = /\{\s*([A-Za-z_]\w*)\s*\}/g

/** Splits a message into text and placeholders; a brace that is not a placeholder is an error. */
export function parseMessage(source: string): MessagePart[] {
  const parts: MessagePart[] = []
  let last = 0
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(source.slice(last, match.index))
    parts.push({ name: match[1] ?? '' })
    last = match.index + match[0].length
  }
  if (last < source.length) parts.push(source.slice(last))
  if (parts.some((part) => typeof part === 'string' && /[{}]/.test(part))) {
    throw new Error(`A message has a brace that is not a {placeholder}: ${source}`)
  }
  return parts
}

export const compileMessage: MessageCompiler = (source) => {
  if (typeof source !== 'string') throw new Error('Kiosk messages are plain strings')
  const parts = parseMessage(source)
  // Text only: markup inside a sentence goes through RichText (`**bold**`, `{slot}`), not <i18n-t>.
  return (context: MessageContext) =>
    parts.map((part) => (typeof part === 'string' ? part : String(context.named(part.name) ?? ''))).join('')
}
