/**
 * The keyboard shortcuts of the frequent actions (README, 键盘操作). Alt + a letter, matched by
 * the physical key (`event.code`), so an input method or macOS's Option characters do not
 * interfere. Letters the browser keeps for itself (Alt+D address bar, Alt+E / Alt+F menu) and the
 * F-keys (F5 reload, F11 full screen, F12 devtools) are avoided.
 */
export const SHORTCUT_KEYS = {
  startVisit: 'N',
  scan: 'S',
  written: 'W',
  oral: 'K',
  scoreReport: 'R',
  pay: 'P',
  back: 'B',
  finishVisit: 'X',
} as const

/** 报名信息's action buttons (main's action ids) that have a shortcut. */
export const INFO_ACTION_SHORTCUTS: Readonly<Record<string, string>> = {
  written: SHORTCUT_KEYS.written,
  oral: SHORTCUT_KEYS.oral,
  scoreReport: SHORTCUT_KEYS.scoreReport,
}

export function shortcutLabel(letter: string): string {
  return `Alt+${letter}`
}
