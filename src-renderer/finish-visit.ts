/**
 * K2: ending a candidate's visit, by 完成 or by the idle timeout. The screen leaves the candidate
 * first (replacing the current history entry: no screen of theirs to go back to, and the guards
 * send any older entry to 首页), any selected text is dropped, then every store forgets them
 * (the visit store at once; the booking and payment stores follow its visit id) and main is told.
 */
import { useRouter } from 'vue-router'
import type { Result } from '../src-shared/domain/result'
import { useVisitStore } from './stores/visit'

export function useFinishVisit(): () => Promise<Result<unknown>> {
  const router = useRouter()
  const visit = useVisitStore()
  return async () => {
    await router.replace('/')
    window.getSelection?.()?.removeAllRanges()
    return visit.end()
  }
}
