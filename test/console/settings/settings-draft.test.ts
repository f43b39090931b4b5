import { describe, expect, it } from 'vitest';
import { errorSlot, fieldMessage, patchFor, toDraft } from '../../../console/settings/settings-draft';
import { site } from './fixtures';

describe('settings draft', () => {
  it('sends nothing but the site id when nothing changed', () => {
    expect(patchFor(site(), toDraft(site()))).toEqual({ siteId: 'demo' });
  });

  it('sends only the changed fields, keywords and origins split into lists', () => {
    const draft = toDraft(site());
    draft.greeting = 'Hello!';
    draft.waitSeconds = '45';
    draft.origins = 'https://shop.example\n\n https://blog.example/ \n';
    draft.faqs[0]!.keywords = ' shipping, parcel ,, post ';
    expect(patchFor(site(), draft)).toEqual({
      siteId: 'demo',
      greeting: 'Hello!',
      waitSeconds: 45,
      allowedOrigins: ['https://shop.example', 'https://blog.example'],
      faqs: [{ id: 'shipping', question: 'How long does shipping take?', keywords: ['shipping', 'parcel', 'post'], answer: 'Two days.' }],
    });
  });

  it('sends the whole hours when only one day changed, as the server needs them whole', () => {
    const draft = toDraft(site());
    draft.weekly = { ...draft.weekly, sat: [{ from: '10:00', to: '14:00' }] };
    expect(patchFor(site(), draft).hours).toEqual({
      ...site().hours,
      weekly: { ...site().hours.weekly, sat: [{ from: '10:00', to: '14:00' }] },
    });
  });

  it('sends the whole assignment when auto-assignment or a number changed, and maps its errors to it', () => {
    const draft = toDraft(site());
    draft.assignAuto = true;
    draft.assignCapacity = '3';
    expect(patchFor(site(), draft).assignment).toEqual({ auto: true, capacity: 3, graceSeconds: 120 });
    draft.assignGraceSeconds = '';
    expect(patchFor(site(), draft).assignment?.graceSeconds).toBeNaN();
    expect(errorSlot('assignment.capacity')).toBe('assignment');
  });

  it('maps server fields to the form slot that shows them', () => {
    expect(errorSlot('faqs.0.keywords')).toBe('faqs.0.keywords');
    expect(errorSlot('faqs.2.keywords.1')).toBe('faqs.2.keywords');
    expect(errorSlot('faqs.1.id')).toBe('faqs');
    expect(errorSlot('allowedOrigins.1')).toBe('allowedOrigins');
    expect(errorSlot('hours.timezone')).toBe('hours.timezone');
    expect(errorSlot('hours.weekly.mon.0.from')).toBe('hours.weekly.mon');
    expect(errorSlot('waitSeconds')).toBe('waitSeconds');
    expect(errorSlot('channels.chat')).toBe('channels');
    expect(errorSlot('siteId')).toBeNull();
    expect(errorSlot(undefined)).toBeNull();
  });

  it('words a server message for the spot beside its field', () => {
    const patch = { siteId: 'demo', allowedOrigins: ['https://a.example', 'shop.example'] };
    expect(fieldMessage('faqs.0.keywords', 'faqs.0.keywords needs at least one keyword', patch)).toBe('Needs at least one keyword');
    expect(fieldMessage('allowedOrigins.1', 'allowedOrigins.1 must be an origin such as https://shop.example.com', patch)).toBe(
      'shop.example must be an origin such as https://shop.example.com',
    );
    expect(fieldMessage('hours.weekly.mon.1', 'hours.weekly.mon.1 must end after it starts', patch)).toBe(
      'Hours 2: must end after it starts',
    );
  });
});
