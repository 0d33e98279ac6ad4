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
import { useDeskStore } from './stores/desk'
import { useNoticeStore } from './stores/notice'
import { useVisitStore } from './stores/visit'

declare module 'vue-router' {
  interface RouteMeta {
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
export const SUPERVISOR_ONLY_MESSAGE = '只有主管可以进行此操作，请联系主管。'

export const routes: RouteRecordRaw[] = [
  { path: '/signin', component: SignInScreen, meta: { title: '操作员登录', public: true } },
  { path: '/', component: HomeScreen, meta: { title: '首页' } },
  { path: '/agreement', component: AgreementScreen, meta: { title: '报名协议 & 诚信承诺书' } },
  { path: '/lookup', component: LookupScreen, meta: { title: '资格信息查询', needsVisit: true } },
  { path: '/confirm', component: ConfirmScreen, meta: { title: '资格信息确认', needsVisit: true, needsCandidate: true } },
  { path: '/info', component: InfoScreen, meta: { title: '报名信息', needsVisit: true, needsCandidate: true } },
  { path: '/written', component: WrittenBookingScreen, meta: { title: '笔试科目报考', needsVisit: true, needsCandidate: true } },
  { path: '/oral', component: OralBookingScreen, meta: { title: '口试科目报考', needsVisit: true, needsCandidate: true } },
  {
    path: '/payment/:orderNo([0-9A-F]{32})',
    component: PaymentScreen,
    meta: { title: '支付缴费', needsVisit: true, needsCandidate: true },
  },
  { path: '/operators', component: OperatorsScreen, meta: { title: '操作员管理', supervisorOnly: true } },
  { path: '/audit', component: AuditLogScreen, meta: { title: '审计日志', supervisorOnly: true } },
  { path: '/import', component: DataImportScreen, meta: { title: '数据导入', supervisorOnly: true } },
  { path: '/capacity', component: CapacityScreen, meta: { title: '容量管理', supervisorOnly: true } },
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
      useNoticeStore().show(SUPERVISOR_ONLY_MESSAGE, 'error')
      return { path: '/' }
    }
    if (to.meta.needsVisit && !visit.active) return { path: '/' }
    if (to.meta.needsCandidate && visit.candidate === null) return { path: '/lookup' }
    return true
  })

  // A new screen announces itself: focus goes to its marked control or else to its heading.
  router.afterEach(async (to) => {
    document.title = `${to.meta.title} - CET报名服务台`
    await nextTick()
    const target = document.querySelector<HTMLElement>('main [data-autofocus]') ?? document.querySelector<HTMLElement>('main h1')
    target?.focus()
  })

  return router
}
