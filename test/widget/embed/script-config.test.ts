// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findScript, readConfig } from '../../../widget/embed/script-config';

describe('embed configuration', () => {
  it('reads site, locale, color and position, with the relay at the script’s origin', () => {
    document.head.innerHTML = '<script type="text/x-test" src="https://chat.example.com/earshot.js" data-site="demo" data-locale="de" data-color="#c00" data-position="left"></script>';
    expect(readConfig(findScript(document))).toEqual({
      site: 'demo',
      siteId: 'demo',
      relay: 'https://chat.example.com',
      locale: 'de',
      color: '#c00',
      position: 'left',
    });
  });

  it('gives up without a site id', () => {
    document.head.innerHTML = '<script type="text/x-test" src="https://chat.example.com/earshot.js"></script>';
    expect(readConfig(findScript(document))).toBeNull();
  });
});
