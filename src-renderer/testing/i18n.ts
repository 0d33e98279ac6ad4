/**
 * The app's vue-i18n plugin for component mounts, reset to the default zh-CN so that tests find
 * the seeds' Chinese words: `mount(X, { global: { plugins: [pinia, router, i18nForTests()] } })`.
 */
import { DEFAULT_LOCALE, i18n, setLocale, type Locale } from '../i18n'

export function i18nForTests(): typeof i18n {
  void setLocale(DEFAULT_LOCALE)
  return i18n
}

/** Switches the mounted app to a locale (English is loaded on first use). */
export async function useLocaleForTests(locale: Locale): Promise<void> {
  await setLocale(locale)
}
