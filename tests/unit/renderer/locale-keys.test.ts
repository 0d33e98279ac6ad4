/**
 * The English locale (issue #9): en has exactly zh-CN's keys and placeholders, every message
 * compiles, every key the sources use exists, and no Chinese text is left in the renderer's
 * sources outside the locale files (comments aside; an allowlist with a reason each).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { en } from '../../../src-renderer/locales/en'
import { zhCN } from '../../../src-renderer/locales/zh-CN'
import { compileMessage } from '../../../src-renderer/message-compiler'

type Tree = { readonly [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const zhMessages = flatten(zhCN)
const enMessages = flatten(en)
const RENDERER = join(__dirname, '..', '..', '..', 'src-renderer')

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1] ?? '').sort()
}

/** Renderer sources the app ships: not the locale files, tests or test helpers. */
function sourceFiles(dir = RENDERER): string[] {
  const files: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'locales' && name !== 'testing') files.push(...sourceFiles(path))
    } else if (/\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts')) files.push(path)
  }
  return files
}

function withoutComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

/**
 * Chinese that must stay in the sources, with why. Values main sends and matches on (enum
 * values of the contract such as 证件类型 and 性别) are data, not UI text: they are shown
 * through `labels.*`.
 */
const CJK_ALLOWED: Record<string, { readonly text: RegExp; readonly reason: string }[]> = {}

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/g

describe('English locale (issue #9)', () => {
  it('en has exactly the keys of zh-CN', () => {
    const missing = [...zhMessages.keys()].filter((k) => !enMessages.has(k))
    const extra = [...enMessages.keys()].filter((k) => !zhMessages.has(k))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it('every en message has the placeholders of its zh-CN message', () => {
    const differing = [...zhMessages].filter(([k, zh]) => placeholders(zh).join() !== placeholders(enMessages.get(k) ?? '').join())
    expect(differing.map(([k]) => k)).toEqual([])
  })

  it('every message compiles in both locales (a brace is always a {placeholder})', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en }, messageCompiler: compileMessage })
    const broken: string[] = []
    for (const [locale, messages] of [['zh-CN', zhMessages], ['en', enMessages]] as const) {
      i18n.global.locale.value = locale
      for (const [key, message] of messages) {
        const values = Object.fromEntries(placeholders(message).map((p) => [p, `<${p}>`]))
        try {
          const text = i18n.global.t(key, values)
          if (text === key) broken.push(`${locale} ${key}: not found`)
        } catch (error) {
          broken.push(`${locale} ${key}: ${(error as Error).message.split('\n')[0]}`)
        }
      }
    }
    expect(broken).toEqual([])
  })

  it('every key used in the renderer sources exists in zh-CN (a missing key fails here)', () => {
    const used: { file: string; key: string }[] = []
    for (const file of sourceFiles()) {
      const source = readFileSync(file, 'utf8')
      const patterns = [/\$?\bt\(\s*'([^'$]+)'/g, /keypath="([^"]+)"/g, /\bhasMessage\(\s*'([^']+)'/g]
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) used.push({ file: relative(RENDERER, file), key: match[1] ?? '' })
      }
    }
    expect(used.length).toBeGreaterThan(50)
    const missing = used.filter(({ key }) => !zhMessages.has(key)).map(({ file, key }) => `${file}: ${key}`)
    expect(missing).toEqual([])
  })

  it('no hard-coded Chinese UI text in .vue or .ts sources outside the locale files', () => {
    const found: string[] = []
    for (const file of sourceFiles()) {
      const name = relative(RENDERER, file)
      const allowed = CJK_ALLOWED[name] ?? []
      for (const match of withoutComments(readFileSync(file, 'utf8')).matchAll(CJK)) {
        if (!allowed.some(({ text }) => text.test(match[0]))) found.push(`${name}: ${match[0]}`)
      }
    }
    expect(found).toEqual([])
  })
})
