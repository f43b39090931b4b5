import type { ContactCursor, ContactDetail, ContactSummary } from '../../protocol/contacts';
import { request, type AgentSocket, type Result } from './agent-socket';

/** The Contacts section's requests; its screen keeps what they answer. */
export interface ContactCommands {
  list(p: { search?: string; siteId?: string; before?: ContactCursor }): Promise<Result<ContactSummary[]>>;
  get(contactId: string): Promise<Result<ContactDetail>>;
  merge(fromId: string, intoId: string): Promise<Result<ContactDetail>>;
  undoMerge(contactId: string): Promise<Result<ContactDetail>>;
  split(visitorId: string): Promise<Result<ContactDetail>>;
  saveNotes(contactId: string, notes: string): Promise<Result<ContactDetail>>;
}

export function createContactCommands(socket: AgentSocket): ContactCommands {
  return {
    list: (p) => request(socket, 'contact:list', p),
    get: (contactId) => request(socket, 'contact:get', { contactId }),
    merge: (fromId, intoId) => request(socket, 'contact:merge', { fromId, intoId }),
    undoMerge: (contactId) => request(socket, 'contact:undoMerge', { contactId }),
    split: (visitorId) => request(socket, 'contact:split', { visitorId }),
    saveNotes: (contactId, notes) => request(socket, 'contact:notes', { contactId, notes }),
  };
}
