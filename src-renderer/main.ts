import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createKioskRouter } from './router'

createApp(App).use(createPinia()).use(createKioskRouter()).mount('#app')
