import { nanoid } from 'nanoid';
import { AppError } from '../errors';
import type { AuditActor, AuditEntry, ContactData, ErasedCounts } from '../store/privacy-types';
import type { AgentRow, ApiTokenRow, Store } from '../store/types';
import { requireAdmin } from './roles';

/** An agent in the console as the audit log names them. */
export const agentActor = (a: AgentRow): AuditActor => ({ kind: 'agent', id: a.id, name: a.email });
/** An API token as the audit log names it. */
export const tokenActor = (t: ApiTokenRow): AuditActor => ({ kind: 'token', id: t.id, name: `${t.name} (${t.prefix}…)` });

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A row with snake_case keys, as the REST API writes them; nested objects too. */
function snakeKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(snakeKeys);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [snake(k), snakeKeys(v)]));
  return x;
}

/** Everything about a contact, as an export gives it (GDPR art. 15); the visitor tokens stay out. */
export type ContactExport = Record<string, unknown> & { contact: Record<string, unknown>; exported_at: string };

function exportOf(d: ContactData, now: string): ContactExport {
  const visitors = d.visitors.map(({ tokenHash: _secret, ...v }) => v);
  const conversations = d.conversations.map((c) => ({ ...c, messages: d.messages.filter((m) => m.conversationId === c.id) }));
  const callbacks = d.callbacks.map((c) => ({ ...c, attempts: d.attempts.filter((a) => a.callbackId === c.id) }));
  const feedback = d.feedback.map((f) => ({ ...f, replies: d.replies.filter((r) => r.feedbackId === f.id) }));
  return snakeKeys({ exportedAt: now, contact: d.contact, visitors, conversations, callbacks, feedback }) as ContactExport;
}

const ERASED = 'This contact was erased: nothing about them is kept any more.';

/** Everything kept about a contact, recorded in the audit log; admins only (the person's whole history). */
export async function exportContact(store: Store, contactId: string, actor: AuditActor, by?: AgentRow): Promise<ContactExport> {
  if (by) requireAdmin(by, 'export a contact');
  const data = await store.contactData(contactId);
  if (!data) throw new AppError('not_found', 'No such contact.');
  if (data === 'erased') throw new AppError('contact_erased', ERASED);
  const now = new Date().toISOString();
  const counts = {
    visitors: data.visitors.length,
    conversations: data.conversations.length,
    messages: data.messages.length,
    callbacks: data.callbacks.length,
    feedback: data.feedback.length,
  };
  await store.addAudit(auditEntry(actor, 'contact.export', contactId, data.contact.siteId, counts, now));
  return exportOf(data, now);
}

function auditEntry(
  actor: AuditActor,
  action: AuditEntry['action'],
  contactId: string,
  siteId: string | null,
  detail: Record<string, number>,
  at: string,
): AuditEntry {
  return { id: nanoid(), at, actor, action, contactId, siteId, detail };
}

/**
 * Erases a contact (GDPR art. 17): their text, names, emails, phones, pages and browser details
 * go, the rows stay as anonymous counts; `endVisitors` closes their browsers' sockets. Erasing
 * twice is `contact_erased`.
 */
export async function eraseContact(
  store: Store,
  contactId: string,
  actor: AuditActor,
  endVisitors: (ids: string[]) => void,
  by?: AgentRow,
): Promise<{ id: string; erasedAt: string; erased: ErasedCounts }> {
  if (by) requireAdmin(by, 'erase a contact');
  const contact = await store.getContact(contactId);
  const visitors = contact ? await store.contactVisitorIds(contactId) : [];
  const now = new Date().toISOString();
  const result = await store.eraseContact(contactId, auditEntry(actor, 'contact.erase', contactId, contact?.siteId ?? null, {}, now));
  if (!result) throw new AppError('not_found', 'No such contact.');
  if (result === 'erased') throw new AppError('contact_erased', ERASED);
  endVisitors(visitors);
  return { id: contactId, erasedAt: now, erased: result };
}

/** The audit log for admins, newest first. */
export async function listAudit(store: Store, by: AgentRow, limit = 200): Promise<AuditEntry[]> {
  requireAdmin(by, 'read the audit log');
  return store.listAudit(limit);
}
