/**
 * Focus handling shared by every dialog (KioskDialog): Tab and Shift+Tab wrap inside it, and
 * only the top-most open dialog keeps focus and answers Esc (a prompt over a panel closes alone).
 */
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])'

export function wrapTabFocus(event: KeyboardEvent, container: HTMLElement | null): void {
  if (event.key !== 'Tab') return
  const items = Array.from(container?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])
  const first = items[0]
  const last = items.at(-1)
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}

const openDialogs: symbol[] = []

/** Registers an open dialog; `isTop` tells whether it is the one in front; `close` unregisters. */
export function openDialog(): { isTop: () => boolean; close: () => void } {
  const id = Symbol('dialog')
  openDialogs.push(id)
  return {
    isTop: () => openDialogs.at(-1) === id,
    close: () => {
      const index = openDialogs.indexOf(id)
      if (index >= 0) openDialogs.splice(index, 1)
    },
  }
}
