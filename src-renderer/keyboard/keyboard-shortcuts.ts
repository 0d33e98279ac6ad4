/**
 * One keydown listener for the whole renderer:
 * - Alt+letter activates the visible, enabled control marked `data-shortcut="<letter>"` (a field
 *   is focused, anything else clicked), inside the top-most open dialog if there is one;
 * - Enter on a checkbox or radio button activates the `data-primary` button of its dialog or
 *   screen, so ticking then Enter submits as Enter does in a text field.
 * Elements declare their shortcut; nothing here knows the screens.
 */
const MODAL = '[aria-modal="true"]'

function topDialog(root: Document): HTMLElement | null {
  return Array.from(root.querySelectorAll<HTMLElement>(MODAL)).at(-1) ?? null
}

function usable(element: HTMLElement): boolean {
  if (element.matches(':disabled') || element.getAttribute('aria-disabled') === 'true') return false
  return element.checkVisibility()
}

export function findShortcutTarget(root: Document, letter: string): HTMLElement | null {
  const scope: ParentNode = topDialog(root) ?? root
  const candidates = Array.from(scope.querySelectorAll<HTMLElement>(`[data-shortcut="${letter}"]`))
  return candidates.find(usable) ?? null
}

function primaryFor(target: HTMLElement): HTMLElement | null {
  const scope = target.closest<HTMLElement>(MODAL) ?? target.closest<HTMLElement>('main')
  const primary = scope?.querySelector<HTMLElement>('[data-primary]')
  if (!primary || !usable(primary)) return null
  // A dialog's choices submit that dialog only, never the screen behind it.
  return primary.closest(MODAL) === target.closest(MODAL) ? primary : null
}

export function handleShortcutKey(event: KeyboardEvent, root: Document = document): boolean {
  if (event.isComposing || event.defaultPrevented) return false
  if (event.altKey && !event.ctrlKey && !event.metaKey && /^Key[A-Z]$/.test(event.code)) {
    const target = findShortcutTarget(root, event.code.slice(3))
    if (!target) return false
    event.preventDefault()
    if (target.matches('input, select, textarea')) target.focus()
    else target.click()
    return true
  }
  const target = event.target
  if (event.key === 'Enter' && !event.altKey && target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) {
    const primary = primaryFor(target)
    if (!primary) return false
    event.preventDefault()
    primary.click()
    return true
  }
  return false
}

export function installKeyboardShortcuts(root: Document = document): () => void {
  const listener = (event: KeyboardEvent): void => void handleShortcutKey(event, root)
  root.addEventListener('keydown', listener)
  return () => root.removeEventListener('keydown', listener)
}
