/**
 * Screens and their guards. Hash history: the same bundle runs from a file in Electron and from
 * the headless host in a browser.
 */
import { nextTick } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import AgreementScreen from './screens/AgreementScreen.vue'
import AuditLogScreen from './screens/AuditLogScreen.vue'
import DataImportScreen from './screens/DataImportScreen.vue'
import CapacityScreen from './screens/CapacityScreen.vue'
import OperatorsScreen from './screens/OperatorsScreen.vue'
import ConfirmScreen from './screens/ConfirmScreen.vue'
import HomeScreen from './screens/HomeScreen.vue'
import InfoScreen from './screens/InfoScreen.vue'
import LookupScreen from './screens/LookupScreen.vue'
import OralBookingScreen from './screens/OralBookingScreen.vue'
import PaymentScreen from './screens/PaymentScreen.vue'
import WrittenBookingScreen from './screens/WrittenBookingScreen.vue'
import SignInScreen from './screens/SignInScreen.vue'
import SyncIssuesScreen from './screens/SyncIssuesScreen.vue'
import { t } from './i18n'
import { useDeskStore } from './stores/desk'
import { useNoticeStore } from './stores/notice'
import { useVisitStore } from './stores/visit'

declare module 'vue-router' {
  interface RouteMeta {
    /** An `app.route.*` key: the window title, in the current locale. */
    title: string
    /** Reachable without a signed-in operator. */
    public?: boolean
    /** Needs a visit started by accepting the agreement (E1). */
    needsVisit?: boolean
    /** Needs the candidate found by the lookup (E2). */
    needsCandidate?: boolean
    /** K1: supervisors only (main refuses the operations to anyone else too). */
    supervisorOnly?: boolean
  }
}

/** K1: the same sentence main answers with FORBIDDEN. */
export const SUPERVISOR_ONLY_MESSAGE_KEY = 'errors.FORBIDDEN'

export const routes: RouteRecordRaw[] = [
  { path: '/signin', component: SignInScreen, meta: { title: 'app.route.signIn', public: true } },
  { path: '/', component: HomeScreen, meta: { title: 'app.route.home' } },
  { path: '/agreement', component: AgreementScreen, meta: { title: 'app.route.agreement' } },
  { path: '/lookup', component: LookupScreen, meta: { title: 'app.route.lookup', needsVisit: true } },
  { path: '/confirm', component: ConfirmScreen, meta: { title: 'app.route.confirm', needsVisit: true, needsCandidate: true } },
  { path: '/info', component: InfoScreen, meta: { title: 'app.route.info', needsVisit: true, needsCandidate: true } },
  { path: '/written', component: WrittenBookingScreen, meta: { title: 'app.route.written', needsVisit: true, needsCandidate: true } },
  { path: '/oral', component: OralBookingScreen, meta: { title: 'app.route.oral', needsVisit: true, needsCandidate: true } },
  {
    path: '/payment/:orderNo([0-9A-F]{32})',
    component: PaymentScreen,
    meta: { title: 'app.route.payment', needsVisit: true, needsCandidate: true },
  },
  { path: '/operators', component: OperatorsScreen, meta: { title: 'app.route.operators', supervisorOnly: true } },
  { path: '/audit', component: AuditLogScreen, meta: { title: 'app.route.audit', supervisorOnly: true } },
  { path: '/import', component: DataImportScreen, meta: { title: 'app.route.import', supervisorOnly: true } },
  { path: '/capacity', component: CapacityScreen, meta: { title: 'app.route.capacity', supervisorOnly: true } },
  /** S6: any signed-in staff; candidates are masked (K3). */
  { path: '/sync-issues', component: SyncIssuesScreen, meta: { title: 'app.route.syncIssues' } },
  /** 报名回执: the candidate's printable receipt (after payment, or before 完成); lazy, printouts are not the hot path. */
  { path: '/receipt', component: () => import('./screens/ReceiptScreen.vue'), meta: { title: 'app.route.receipt', needsVisit: true, needsCandidate: true } },
  /** 日报表 (K1): lazy, so its chart library stays out of the initial JS. */
  { path: '/day-report', component: () => import('./screens/DayReportScreen.vue'), meta: { title: 'app.route.dayReport', supervisorOnly: true } },
  { path: '/:unknown(.*)*', redirect: '/' },
]

export function createKioskRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({ history, routes })

  router.beforeEach(async (to) => {
    const desk = useDeskStore()
    const visit = useVisitStore()
    await desk.ensureLoaded()
    if (desk.operator === null) return to.meta.public ? true : { path: '/signin' }
    if (to.meta.public) return { path: '/' }
    if (to.meta.supervisorOnly && desk.operator.role !== 'supervisor') {
      useNoticeStore().show(t(SUPERVISOR_ONLY_MESSAGE_KEY), 'error')
      return { path: '/' }
    }
    if (to.meta.needsVisit && !visit.active) return { path: '/' }
    if (to.meta.needsCandidate && visit.candidate === null) return { path: '/lookup' }
    return true
  })

  // A new screen announces itself: focus goes to its marked control or else to its heading.
  router.afterEach(async (to) => {
    document.title = t('app.titleSuffix', { title: t(to.meta.title) })
    await nextTick()
    const target = document.querySelector<HTMLElement>('main [data-autofocus]') ?? document.querySelector<HTMLElement>('main h1')
    target?.focus()
  })

  return router
}
