import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server listens here in development (`npm run dev -w @tijara/server`); the app calls it same-origin
// through the proxy so the session cookie and the CSRF check behave as in production.
const api = 'http://127.0.0.1:3000';
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // The protocol package declares TypeBox schemas at module level; the app only needs their types
      // and `limits`, so let the bundler drop the schema modules instead of shipping TypeBox.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/protocol/') },
    },
  },
  server: {
    proxy: {
      '/api/socket': { target: api, ws: true },
      '/api': api,
      '/media': api,
      '/health': api,
    },
  },
});
