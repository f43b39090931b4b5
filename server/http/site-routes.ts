import express, { type Router } from 'express';
import type { SiteCache } from '../domain/site-cache';
import type { Presence } from '../socket/presence';

/** Public, cacheable site endpoints the loader may call from any page. */
export function siteRoutes(sites: SiteCache, presence: Presence): Router {
  const r = express.Router();
  r.get('/:siteId/status', async (req, res) => {
    const site = await sites.get(req.params.siteId);
    const status = await presence.statusOf(site);
    // Any page may ask; nothing is sent or set but the answer, which browsers may reuse briefly.
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=30' });
    res.json({ ok: true, data: status });
  });
  return r;
}
