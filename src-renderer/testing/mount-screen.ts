/**
 * Mounts the app's router view at a path, with a fresh Pinia and in-memory history, behind the
 * real route guards. The api module must be mocked by the calling test file.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, RouterView, type Router } from 'vue-router'
import { createKioskRouter } from '../router'
import { i18nForTests } from './i18n'

const Host = defineComponent({ render: () => h('main', h(RouterView)) })

export interface MountedScreen {
  wrapper: VueWrapper
  router: Router
  pinia: Pinia
}

/** `prepare` runs with the Pinia active, before navigation: preset store state there. */
export async function mountScreen(path: string, prepare?: () => void): Promise<MountedScreen> {
  const pinia = createPinia()
  setActivePinia(pinia)
  prepare?.()
  const router = createKioskRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(Host, { global: { plugins: [pinia, router, i18nForTests()] }, attachTo: document.body })
  await flush()
  return { wrapper, router, pinia }
}

/** Lets pending promises and Vue updates settle. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
