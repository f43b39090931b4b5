// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../widget/embed/host';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('widget host element', () => {
  it('goes back, once, into a body that replaced the page’s, in place of an inert copy of it', async () => {
    document.body.innerHTML = '<p>one</p>';
    const host = createHost(document);
    const next = document.createElement('body');
    next.innerHTML = '<p>two</p><earshot-widget></earshot-widget>';
    document.body.replaceWith(next);
    await settle();
    expect([...document.querySelectorAll('earshot-widget')]).toEqual([host.root.host]);
    // pjax-style: the body's content replaced, the body kept.
    document.body.innerHTML = '<p>three</p>';
    await settle();
    expect([...document.querySelectorAll('earshot-widget')]).toEqual([host.root.host]);
    expect(host.root.host.shadowRoot).toBe(host.root);
  });
});
