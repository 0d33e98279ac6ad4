/**
 * The renderer's one vue-i18n instance (composition API, `legacy: false`). zh-CN is the default
 * and the seeds' wording; staff switch to English with one click (TopBar / sign-in), remembered
 * per kiosk in localStorage, untouched by a visit's end. The renderer bundles vue-i18n's
 * runtime-only build with the kiosk's own small compiler (message-compiler.ts: `{name}`
 * placeholders only), which keeps the bundle small and needs no eval under the CSP. English is
 * loaded on first use (its own chunk, outside the initial-JS budget); `loadStoredLocale()` runs
 * before the app mounts.
 *
 * Components: `const { t } = useI18n()` (or `$t` in templates). Stores and plain modules: the
 * `t` exported here, called when the text is needed (not at module load), so it follows the
 * current locale.
 */
import { createI18n } from 'vue-i18n'
import { compileMessage } from './message-compiler'
import type { LocaleShape } from './locales/locale-shape'
import { zhCN } from './locales/zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'kiosk.locale'

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY)
    return isLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n<[LocaleShape], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN } as Record<Locale, LocaleShape>,
  messageCompiler: compileMessage,
})

export type MessageValues = Record<string, unknown>

/** Translates outside components (stores, format helpers). */
export function t(key: string, values: MessageValues = {}): string {
  return i18n.global.t(key, values)
}

/** Whether a key exists in the current locale (or the fallback). */
export function hasMessage(key: string): boolean {
  return i18n.global.te(key) || i18n.global.te(key, DEFAULT_LOCALE)
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/**
 * Sets the locale, remembers it for this kiosk and keeps `<html lang>` in step. Synchronous
 * once the locale's messages are loaded (zh-CN always is).
 */
export async function setLocale(locale: Locale): Promise<void> {
  if (!i18n.global.availableLocales.includes(locale) && locale === 'en') {
    i18n.global.setLocaleMessage('en', (await import('./locales/en')).en)
  }
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Storage refused (private mode): the switch still holds for this session.
  }
  applyDocumentLang()
}

/** The kiosk's remembered locale, loaded: awaited before the app mounts. */
export async function loadStoredLocale(): Promise<void> {
  await setLocale(storedLocale())
}

export function applyDocumentLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.global.locale.value
}
