import { nanoid } from 'nanoid';
import type { EmailService } from '../email/email-service';
import { AppError } from '../errors';
import type { WinBackCaseRow, WinBackStatus } from '../store/privacy-types';
import type { AgentRow, CallbackRow, Store } from '../store/types';

/** The contact's case, as stored or a fresh open one. */
async function caseOf(store: Store, contactId: string): Promise<WinBackCaseRow> {
  const contact = await store.getContact(contactId);
  if (!contact) throw new AppError('not_found', 'No such contact.');
  const kept = await store.getWinBackCase(contactId);
  return kept ?? { contactId, siteId: contact.siteId, status: 'open', assignedTo: null, followUp: null, closedAt: null, updatedAt: '' };
}

async function save(store: Store, c: WinBackCaseRow): Promise<WinBackCaseRow> {
  const row = { ...c, updatedAt: new Date().toISOString() };
  await store.saveWinBackCase(row);
  return row;
}

/** Gives the case to an agent (null: to nobody). */
export async function assignWinBack(store: Store, contactId: string, agentId: string | null): Promise<WinBackCaseRow> {
  const c = await caseOf(store, contactId);
  if (agentId === null) return save(store, { ...c, assignedTo: null });
  const agent = await store.getAgent(agentId);
  if (!agent || agent.deactivatedAt) throw new AppError('invalid_payload', 'No such active agent.', 'agentId');
  return save(store, { ...c, assignedTo: { id: agent.id, name: agent.name } });
}

/** Marks the contact won back or lost (their bad experiences so far are settled), or open again. */
export async function settleWinBack(store: Store, contactId: string, status: WinBackStatus): Promise<WinBackCaseRow> {
  const c = await caseOf(store, contactId);
  return save(store, { ...c, status, closedAt: status === 'open' ? null : new Date().toISOString() });
}

/** A call back task for the contact's phone, due now, in the queue like a visitor's request. */
export async function winBackCallback(store: Store, agent: AgentRow, contactId: string, topic: string): Promise<CallbackRow> {
  const c = await caseOf(store, contactId);
  const contact = (await store.getContact(contactId))!;
  const visitorIds = await store.contactVisitorIds(contactId);
  const visitors = await Promise.all(visitorIds.map((id) => store.getVisitor(id)));
  const phone = contact.phone ?? visitors.find((v) => v?.phone)?.phone ?? (await lastCallbackPhone(store, visitorIds));
  if (!phone) throw new AppError('no_contact', 'This contact left no phone number to call back.');
  const now = new Date().toISOString();
  const visitorId = visitorIds[0] ?? null;
  // The person's open request for that phone (one per phone) becomes the task: due now, with this agent.
  const open = visitorId && (await store.findOpenCallback(contact.siteId, phone, visitorId));
  if (open) {
    await store.updateCallback(open.id, {
      asap: true,
      dueAt: now,
      topic: topic || 'Win back',
      claimedBy: { id: agent.id, name: agent.name },
      updatedAt: now,
    });
    await save(store, { ...c, followUp: { kind: 'callback', at: now, by: agent.name, ref: open.id } });
    return (await store.getCallback(open.id))!;
  }
  const row: CallbackRow = {
    id: nanoid(),
    siteId: contact.siteId,
    visitorId,
    phone,
    name: contact.name,
    topic: topic || 'Win back',
    asap: true,
    dueAt: now,
    windowEnd: null,
    status: 'waiting',
    claimedBy: { id: agent.id, name: agent.name },
    attempts: 0,
    pageUrl: null,
    pageTitle: null,
    visitorTimezone: null,
    visitorLocale: null,
    createdAt: now,
    updatedAt: now,
  };
  await store.createCallback(row);
  await save(store, { ...c, followUp: { kind: 'callback', at: now, by: agent.name, ref: row.id } });
  return row;
}

async function lastCallbackPhone(store: Store, visitorIds: string[]): Promise<string | null> {
  for (const id of visitorIds) {
    const c = await store.latestCallbackForVisitor(id);
    if (c?.phone) return c.phone;
  }
  return null;
}

/** Sends the owner's own words (a discount code, an apology) to the contact's email, through the outbox. */
export async function winBackEmail(
  store: Store,
  email: EmailService,
  agent: AgentRow,
  contactId: string,
  message: { subject: string; text: string },
): Promise<WinBackCaseRow> {
  const c = await caseOf(store, contactId);
  const contact = (await store.getContact(contactId))!;
  const visitors = await Promise.all((await store.contactVisitorIds(contactId)).map((id) => store.getVisitor(id)));
  const to = contact.email ?? visitors.find((v) => v?.email)?.email;
  if (!to) throw new AppError('no_contact', 'This contact left no email address.');
  const id = await email.queue({ to, subject: message.subject, text: message.text });
  return save(store, { ...c, followUp: { kind: 'email', at: new Date().toISOString(), by: agent.name, ref: id } });
}
