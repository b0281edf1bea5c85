import { createApp } from 'vue';
import App from './App.vue';
import { router, goToLogin } from './router';
import { setNavigationHooks } from './session';
import { lang } from './i18n';
import './styles.css';

setNavigationHooks({
  unauthenticated: () => goToLogin(true),
  totpSetupRequired: () => void router.push({ name: 'totp' }),
});
document.documentElement.lang = lang.value;

createApp(App).use(router).mount('#app');
