import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into apps/web/dist, which the server serves on the same origin as /api.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
