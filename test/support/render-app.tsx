/** Renders the whole app in jsdom with a fresh store and a service-worker bridge the test drives. */
import { render } from '@testing-library/preact';
import { createPwaState } from '../../src/sw/pwa-state.ts';
import { App } from '../../src/ui/App.tsx';
import { freshStore } from './store.ts';

type Device = ReturnType<typeof freshStore>;

export async function renderApp(path = '/', seed?: (device: Device) => Promise<unknown>) {
  window.history.replaceState(null, '', path);
  const device = freshStore();
  await seed?.(device);
  const pwa = createPwaState();
  const applied: string[] = [];
  pwa.setApply(async () => {
    applied.push('update');
  });
  let ids = 0;
  const utils = render(
    <App
      services={{
        store: device.store,
        now: () => device.clock.now,
        newId: () => `test-${++ids}`,
        pwa: pwa.controller,
      }}
    />,
  );
  return { ...utils, ...device, pwa, applied };
}
