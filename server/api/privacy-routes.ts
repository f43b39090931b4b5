import * as v from 'valibot';
import { exportHtml } from '../domain/export-html';
import { eraseContact, exportContact, tokenActor, type ContactExport } from '../domain/privacy';
import { route, type ApiRoute } from './route';
import { time } from '../resources/schemas';
import { idParam } from './schemas';

const rows = v.array(v.record(v.string(), v.unknown()));

/** A contact's export: the contact and, each with its own parts, their browsers, conversations, call backs and feedback. */
const contactExport = v.object({
  exported_at: time,
  contact: v.record(v.string(), v.unknown()),
  visitors: rows,
  conversations: rows,
  callbacks: rows,
  feedback: rows,
});

const counts = v.record(v.string(), v.pipe(v.number(), v.integer()));

/** Export (GDPR art. 15) and erase (art. 17) of one contact; both go in the audit log, naming the token. */
export const PRIVACY_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/contacts/:id/export',
    operationId: 'exportContact',
    summary:
      'Export everything kept about a contact (GDPR art. 15), as JSON or, with ?format=html, a readable page; recorded in the audit log',
    tag: 'Contacts',
    scope: 'read',
    params: idParam,
    query: v.strictObject({ format: v.optional(v.picklist(['json', 'html'], 'must be json or html')) }),
    status: 200,
    response: contactExport,
    html: (answer) => exportHtml(answer as ContactExport),
    async handler({ params, caller, deps }) {
      return exportContact(deps.store, params.id, tokenActor(caller.token));
    },
  }),
  route({
    method: 'delete',
    path: '/contacts/:id',
    operationId: 'eraseContact',
    summary:
      "Erase a contact (GDPR art. 17): their messages' text, names, emails, phones, pages and browser details; anonymous counts stay. Erasing again is 410",
    tag: 'Contacts',
    scope: 'write',
    params: idParam,
    status: 200,
    response: v.object({ id: v.string(), erased_at: time, erased: counts }),
    async handler({ params, caller, deps }) {
      const r = await eraseContact(deps.store, params.id, tokenActor(caller.token), (ids) => deps.live.disconnectVisitors(ids));
      return { id: r.id, erased_at: r.erasedAt, erased: r.erased };
    },
  }),
];
