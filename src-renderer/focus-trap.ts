/** Keeps Tab and Shift+Tab inside a dialog: from the last control to the first and back. */
const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea'

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
