// Vite build of the dashboard; in development /api goes to the server on :8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is ~1 MB minified; one chunk is expected, not a mistake
    chunkSizeWarningLimit: 1500,
  },
});
