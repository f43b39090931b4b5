/** What the embed snippet configures. */
export interface EmbedConfig {
  siteId: string;
  /** Origin of the script: where the relay and the chunks live. */
  relay: string;
  locale?: string | undefined;
  color?: string | undefined;
  /** `left`, or anything else for the default, right. */
  position?: string | undefined;
}

/** The widget's own script element: `currentScript` while it runs, else by its file name. */
export function findScript(doc: Document): HTMLScriptElement | null {
  return (doc.currentScript as HTMLScriptElement | null) ?? doc.querySelector<HTMLScriptElement>('script[src$="/earshot.js"]');
}

/** Reads the `data-*` attributes of the script; null (with a dev warning) when unusable. */
export function readConfig(script: HTMLScriptElement | null): EmbedConfig | null {
  if (!script?.dataset.site) {
    if (import.meta.env.DEV) console.warn('Earshot: add data-site="your-site-id" to the earshot.js script tag.');
    return null;
  }
  const { site: siteId, color } = script.dataset;
  // Only a hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa); anything else is dropped, so the site's
  // colour from the relay applies. Said in production too: the owner sees why.
  const hex = !color || /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i.test(color);
  if (!hex) console.warn('Earshot: data-color is not a hex colour:', color);
  // `locale` and `position` as they are (and any other attribute, which nothing reads).
  return { ...script.dataset, siteId, relay: new URL(script.src).origin, color: hex ? color : undefined };
}
