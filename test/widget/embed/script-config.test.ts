// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findScript, readConfig } from '../../../widget/embed/script-config';

afterEach(() => vi.restoreAllMocks());

describe('embed configuration', () => {
  it('reads site, locale, color and position, with the relay at the script’s origin', () => {
    document.head.innerHTML =
      '<script type="text/x-test" src="https://chat.example.com/earshot.js" data-site="demo" data-locale="de" data-color="#c00" data-position="left"></script>';
    expect(readConfig(findScript(document))).toEqual({
      site: 'demo',
      siteId: 'demo',
      relay: 'https://chat.example.com',
      locale: 'de',
      color: '#c00',
      position: 'left',
    });
  });

  it.each(['#3b4cca', '#C00', '#3b4ccaf0', '#c00a'])('takes the hex colour %s', (color) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.head.innerHTML = `<script type="text/x-test" src="https://chat.example.com/earshot.js" data-site="demo" data-color="${color}"></script>`;
    expect(readConfig(findScript(document))?.color).toBe(color);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(['red', 'rgb(0 0 0)', '#12345', '#ggg', '3b4cca', 'var(--brand)', '#fff; background: url(x)'])(
    'ignores data-color="%s", which is no hex colour, with a warning, so the site colour applies',
    (color) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      document.head.innerHTML = `<script type="text/x-test" src="https://chat.example.com/earshot.js" data-site="demo" data-color="${color}"></script>`;
      const config = readConfig(findScript(document));
      expect(config).toMatchObject({ siteId: 'demo', color: undefined });
      expect(warn).toHaveBeenCalledWith('Earshot: data-color is not a hex colour:', color);
    },
  );

  it('gives up without a site id', () => {
    document.head.innerHTML = '<script type="text/x-test" src="https://chat.example.com/earshot.js"></script>';
    expect(readConfig(findScript(document))).toBeNull();
  });
});
