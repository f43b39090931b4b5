import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { faviconRoutes } from './favicon';

/**
 * Serves the built widget (loader at /earshot.js, chunks beside it), the console at
 * /console, the demo site at / and the icon.
 */
export function staticRoutes(distDir: string, demoSiteDir: string): Router {
  const r = express.Router();
  r.use(faviconRoutes());
  const widgetDir = path.join(distDir, 'widget');
  const consoleDir = path.join(distDir, 'console');

  // Pages on other origins load the loader and import its chunks as modules, which needs CORS.
  r.use(['/earshot.js', '/earshot/'], (_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  r.get('/earshot.js', (_req, res, next) => {
    // Short cache: a new release reaches sites within minutes; chunks are hashed and immutable.
    res.setHeader('Cache-Control', 'public, max-age=300');
    next();
  });
  r.use('/earshot', express.static(path.join(widgetDir, 'earshot'), { immutable: true, maxAge: '365d', fallthrough: false }));
  r.use(express.static(widgetDir, { index: false }));

  r.use('/console', express.static(consoleDir, { index: 'index.html' }));
  r.get(/^\/console(\/.*)?$/, (_req, res, next) => {
    const index = path.join(consoleDir, 'index.html');
    if (!fs.existsSync(index)) return next();
    res.sendFile(index);
  });
  r.use(express.static(demoSiteDir));
  return r;
}
