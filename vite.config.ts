import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `file.br` and `file.gz` beside every text asset above 1 KB, compressed once at the best
 * levels, so the server sends them as they are (@fastify/static `preCompressed`) instead of
 * compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pathways-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })) as string[];
      await Promise.all(
        files
          .filter((f) => /\.(js|css|html|svg|json|txt|map)$/.test(f))
          .map(async (f) => {
            const full = path.join(outDir, f);
            if ((await stat(full)).size < 1024) return;
            const data = await readFile(full);
            await writeFile(
              `${full}.br`,
              await brotli(data, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
            );
            await writeFile(`${full}.gz`, await gz(data, { level: 9 }));
          }),
      );
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3001}` },
  },
});
