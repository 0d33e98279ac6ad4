/** A short notice (保存成功, or why something failed) shown for a few seconds and announced. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const NOTICE_DURATION_MS = 4_000

export type NoticeKind = 'success' | 'error'

export const useNoticeStore = defineStore('notice', () => {
  const message = ref<string | null>(null)
  const kind = ref<NoticeKind>('success')
  let timer: ReturnType<typeof setTimeout> | null = null

  function dismiss(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    message.value = null
  }

  function show(text: string, noticeKind: NoticeKind = 'success', durationMs = NOTICE_DURATION_MS): void {
    dismiss()
    message.value = text
    kind.value = noticeKind
    timer = setTimeout(dismiss, durationMs)
  }

  return { message, kind, show, dismiss }
})
