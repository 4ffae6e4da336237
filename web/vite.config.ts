import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Stamp dist/sw.js with this build's hash and the shell's entry files (see public/sw.js). */
function serviceWorkerVersion(): Plugin {
  return {
    name: "ugc-sw-version",
    apply: "build",
    writeBundle(options, bundle) {
      const names = Object.keys(bundle).sort();
      const build = createHash("sha256").update(names.join("\n")).digest("hex").slice(0, 12);
      const html = bundle["index.html"];
      const source = html && html.type === "asset" ? String(html.source) : "";
      const entries = [...source.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      const file = join(options.dir ?? "dist", "sw.js");
      const sw = readFileSync(file, "utf8");
      const stamped = sw
        .replace('const BUILD = "dev";', `const BUILD = "${build}";`)
        .replace("const PRECACHE = [];", `const PRECACHE = ${JSON.stringify(entries)};`);
      if (!stamped.includes(build) || entries.length === 0) throw new Error("sw.js: could not stamp the build");
      writeFileSync(file, stamped);
    },
  };
}

// `ugc serve` serves dist/ at `/`; during `npm run dev` the API is proxied from :8000.
export default defineConfig({
  plugins: [react(), serviceWorkerVersion()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
});
