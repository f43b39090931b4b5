import express, { type Router } from 'express';
import { launcherStringsFor } from '../../protocol/launcher-strings';
import type { SiteStatus } from '../../protocol/types';
import type { SiteCache } from '../domain/site-cache';
import type { SiteRow } from '../store/types';

/**
 * Public, cacheable site endpoints the loader may call from any page. With `?lang=de-AT,cs`
 * (the visitor's languages) the status also brings the launcher's strings in the first one
 * Earshot speaks, so the loader ships English only.
 */
/** Public site routes; `presence` answers who is there (the sockets' presence, without importing it). */
export function siteRoutes(sites: SiteCache, presence: { statusOf(site: SiteRow): Promise<SiteStatus> }): Router {
  const r = express.Router();
  r.get('/:siteId/status', async (req, res) => {
    // Any page may ask, and may read a refusal's reason (an unknown site) too.
    res.set('Access-Control-Allow-Origin', '*');
    const site = await sites.get(req.params.siteId);
    const status = await presence.statusOf(site);
    const lang = typeof req.query.lang === 'string' ? req.query.lang.slice(0, 200) : undefined;
    const strings = lang ? launcherStringsFor(lang) : null;
    // Nothing is sent or set but the answer, which browsers may reuse briefly.
    res.set('Cache-Control', 'public, max-age=30');
    res.json({ ok: true, data: strings ? { ...status, strings } : status });
  });
  return r;
}
