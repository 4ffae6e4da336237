import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `ugc serve` serves dist/ at `/`; during `npm run dev` the API is proxied from :8000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
});
