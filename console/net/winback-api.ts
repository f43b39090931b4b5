import type { WinBackItem, WinBackReasonKind } from '../../protocol/winback';
import { call, type RestResult } from './rest';

export type { WinBackItem, WinBackReasonKind };

export interface AuditLine {
  id: string;
  at: string;
  actor: { kind: 'agent' | 'token'; name: string };
  action: 'contact.export' | 'contact.erase';
  contactId: string;
}

/** The console's calls for Win back, export, erase and the audit log. */
export interface WinBackApi {
  list(waitMinutes: number): Promise<RestResult<{ items: WinBackItem[]; agents: { id: string; name: string }[] }>>;
  count(): Promise<RestResult<number>>;
  change(contactId: string, change: { assignTo?: string | null; status?: 'won' | 'lost' }): Promise<RestResult<unknown>>;
  callBack(contactId: string): Promise<RestResult<unknown>>;
  email(contactId: string, subject: string, text: string): Promise<RestResult<unknown>>;
  erase(contactId: string): Promise<RestResult<unknown>>;
  audit(): Promise<RestResult<AuditLine[]>>;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const at = (id: string, rest = '') => `/api/privacy/winback/${encodeURIComponent(id)}${rest}`;

/** Where a contact's export downloads (JSON) or reads (`html`). */
export const exportHref = (contactId: string, html = false) =>
  `/api/privacy/contacts/${encodeURIComponent(contactId)}/export${html ? '?format=html' : ''}`;

/** REST adapter over `fetch` on the console's own origin. */
export function createWinBackApi(fetcher: typeof fetch = (...a) => fetch(...a)): WinBackApi {
  return {
    list: (wait) => call(fetcher, `/api/privacy/winback?wait=${wait}`),
    count: () => call(fetcher, '/api/privacy/winback/count'),
    change: (id, change) => call(fetcher, at(id), post(change)),
    callBack: (id) => call(fetcher, at(id, '/callback'), post({})),
    email: (id, subject, text) => call(fetcher, at(id, '/email'), post({ subject, text })),
    erase: (id) => call(fetcher, `/api/privacy/contacts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    audit: () => call(fetcher, '/api/privacy/audit'),
  };
}
