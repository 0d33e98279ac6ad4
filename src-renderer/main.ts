import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, loadStoredLocale } from './i18n'
import { createKioskRouter } from './router'

// The remembered language first, so the first screen does not flash in the other one.
await loadStoredLocale()
createApp(App).use(createPinia()).use(createKioskRouter()).use(i18n).mount('#app')
