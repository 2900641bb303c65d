/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// A build id lets a deploy (and the update test) tell one build from the next.
const buildId = process.env['DOORSTEP_BUILD_ID'] ?? pkg.version;

const START_SCREEN = [
  /node_modules[\\/](preact|preact-iso|zod|idb)[\\/]/,
  /vite[\\/]preload-helper/,
  // Not what is loaded after a worker unlocks: their stores, sending, and the sealing of rows.
  /src[\\/]sync[\\/]client/,
  /src[\\/]shared[\\/](?!council-api)/,
  /src[\\/]storage[\\/](device-store|store-error|vault)/,
  /src[\\/]session[\\/]/,
  // Of the domain, what the start screen uses: the record, its answers and the bank's shape.
  /src[\\/]domain[\\/](answers|assessment|data-error|health-consent|interview|iso-date|outcomes|resident)\.ts$/,
  /src[\\/]domain[\\/]bank[\\/](index\.ts|schema\.ts|bank-v1\.json|scale-v1\.json)$/,
  /src[\\/]ui[\\/](errors|services|use-sync-view|Gate)\.tsx?$/,
  /src[\\/]ui[\\/]i18n[\\/](i18n|words)\.ts$/,
  /src[\\/]ui[\\/]components[\\/](ErrorSummary|PageTitle|TextField)\.tsx$/,
];
const inStartScreen = (id: string) => START_SCREEN.some((pattern) => pattern.test(id));

export default defineConfig({
  define: { __DOORSTEP_BUILD__: JSON.stringify(buildId) },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // What the start screen needs goes in one chunk beside the entry. Left to itself the
        // bundler makes a small chunk for every set of screens sharing a module, and a dozen
        // separately gzipped files cost about 2 KiB more on the first load.
        codeSplitting: {
          // Only these modules: their imports go where the bundler puts them by itself (the
          // domain's index re-exports everything, most of it for later screens).
          groups: [{ name: 'shell', test: inStartScreen, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  plugins: [
    preact(),
    VitePWA({
      // The page asks the user before a new service worker takes over: an update must never
      // reload the app in the middle of an assessment.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Doorstep digital inclusion assessment',
        short_name: 'Doorstep',
        description: 'Run a digital inclusion assessment anywhere, with or without a connection.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4f91',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Deep links such as /assessments/…/results open offline from the cached shell.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // Starting a server creates an embedded database: seconds, more on a busy machine.
    hookTimeout: 60_000,
  },
});
