/**
 * The page side of the service worker (workbox-window through vite-plugin-pwa). Loaded after the
 * first screen has rendered. A new version waits until the user accepts it; it is never
 * activated by itself, so an assessment is never interrupted by a reload.
 */
import { registerSW } from 'virtual:pwa-register';
import type { createPwaState } from './pwa-state.ts';

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function registerServiceWorker(state: ReturnType<typeof createPwaState>): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onOfflineReady: () => state.update({ offlineReady: true }),
    onNeedRefresh: () => state.update({ updateReady: true }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => {});
      };
      // Outreach tablets stay open for days: look for a new version now and then, and when the
      // app comes back to the foreground.
      setInterval(check, UPDATE_CHECK_INTERVAL_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
  state.setApply(() => updateSW(true));
}
