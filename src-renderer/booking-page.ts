/**
 * B1–B4, W1: what the 笔试科目报考 and 口试科目报考 screens share: loading their rows (and the
 * 报名信息 for the announcements), 提交 of the ticked rows (all or nothing, main decides; on a
 * refusal the rows are read again), and 提交候补 on full rows.
 */
import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import type { Result } from '../src-shared/domain/result'
import { t } from './i18n'
import { errorText } from './labels'
import { focusAfterLoad } from './keyboard/focus-after-load'
import { useBookingStore } from './stores/booking'
import { useNoticeStore } from './stores/notice'
import { useVisitStore } from './stores/visit'
import { useWaitlistSubmit } from './waitlist-submit'

export function useBookingPage(reload: () => Promise<Result<unknown>>, firstFocus: string) {
  const booking = useBookingStore()
  const visit = useVisitStore()
  const notice = useNoticeStore()
  const router = useRouter()
  const selected = ref<string[]>([])
  const failure = ref('')
  const loadError = ref('')
  const busy = ref(false)
  const announcements = computed(() => visit.info?.announcements ?? [])

  async function load(): Promise<void> {
    loadError.value = ''
    if (visit.info === null) await visit.loadInfo()
    const result = await reload()
    if (!result.ok) loadError.value = errorText(result.error)
    else await focusAfterLoad(firstFocus)
  }

  async function submit(): Promise<void> {
    if (busy.value) return
    failure.value = ''
    if (selected.value.length === 0) {
      failure.value = t('booking.chooseOne')
      return
    }
    busy.value = true
    const result = await booking.book(selected.value)
    busy.value = false
    if (!result.ok) {
      failure.value = errorText(result.error)
      selected.value = []
      await reload()
      return
    }
    notice.show(t('booking.bookedPayIn'))
    await router.push('/info')
  }

  // W1: 提交候补 on full rows, after the confirmation.
  const waitlist = useWaitlistSubmit(reload)

  return { selected, failure, loadError, busy, announcements, load, submit, waitlist }
}
