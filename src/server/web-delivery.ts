/**
 * How responses travel: API JSON compressed above 1 KB (@fastify/compress), and the built web
 * app served from web/dist with its precompressed `.br` / `.gz` files (written by the Vite build,
 * vite.config.ts) under the right `content-encoding` and `Vary: accept-encoding`.
 *
 * Caching: files under /assets/ carry a content hash in their names and never change, so they are
 * `public, max-age=31536000, immutable`; everything else (index.html, the client-side routes that
 * answer with it, icons) is `no-cache` with an ETag, so a deploy is seen at the next load and an
 * unchanged page costs a 304.
 */
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Compression of dynamic responses (API JSON) above `threshold` bytes; register before the routes. */
export async function registerCompression(app: FastifyInstance, threshold = 1024): Promise<void> {
  await app.register(fastifyCompress, {
    threshold,
    encodings: ['br', 'gzip'],
    // Brotli's default (11) costs far more CPU than it saves on a 50 KB answer; 4 is near gzip's speed.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Serves the built web app in `webDir` at / with the cache rules above. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    etag: true,
    lastModified: true,
    cacheControl: false,
    setHeaders(res, file) {
      const rel = file.slice(webDir.length).replaceAll('\\', '/');
      res.setHeader('cache-control', rel.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
      // The same URL is sent as brotli, gzip or plain: caches must key on accept-encoding.
      res.setHeader('vary', 'accept-encoding');
    },
  });
}
