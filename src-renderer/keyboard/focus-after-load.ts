/**
 * Screens whose first field arrives with their data (the agreement text, the offering tables)
 * move focus to it once loaded, unless the person has already moved focus somewhere else.
 */
import { nextTick } from 'vue'

export async function focusAfterLoad(selector: string): Promise<void> {
  await nextTick()
  const active = document.activeElement
  const untouched = active === null || active === document.body || (active instanceof HTMLElement && active.matches('main h1'))
  if (!untouched) return
  const target = Array.from(document.querySelectorAll<HTMLElement>(`main ${selector}`)).find((e) => !e.matches(':disabled'))
  target?.focus()
}
