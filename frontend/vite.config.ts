import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME = '#0f766e';
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // `npm run dev`: the API is proxied to a locally running backend (make run serves it on :8000).
  server: {
    proxy: { '/api': env.LOADLINE_API ?? 'http://127.0.0.1:8000' },
  },
  build: {
    outDir: 'dist',
    target: 'es2020',
    // Never inline assets as data: URLs into JS/CSS (keeps CSP simple and caching per file).
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sync',
      filename: 'sw.ts',
      // We register the worker ourselves (src/sync/sw-register.ts): no inline script under a strict CSP.
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      // public/icons/* are precached through globPatterns below (no duplicate entries).
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Loadline',
        short_name: 'Loadline',
        description: 'Pain-guided rehab for proximal hamstring tendinopathy: a daily log and what to do today.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME,
        background_color: '#f8fafc',
        categories: ['health', 'medical', 'fitness'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // The service worker itself is never precached.
        globIgnores: ['sw.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
