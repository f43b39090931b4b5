import type { VisitorClientEvents } from '../../protocol/events';
import { newResumeLink, RESUME_DAYS, resumeConversation } from '../domain/resume';
import { personOf } from '../domain/visitors';
import { resumeLinkEmail } from '../email/templates';
import { AppError } from '../errors';
import { consume } from '../limits';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import { siteOf, type VisitorSocket } from './types';
import { joinPerson } from './visitor-chat';

const on = handlerFor<VisitorSocket>();

/** Resume links: spending one in a new browser, and asking for one by email. */
export const visitorResumeHandlers = {
  'visitor:resume': on(schemas.resume, async (p, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const done = await resumeConversation(deps.store, socket.data.visitor, p.token);
    socket.data.visitor = (await deps.store.getVisitor(socket.data.visitor.id)) ?? socket.data.visitor;
    // The person's other browsers hear this one from now on, and this one them.
    if (done.others.length) joinPerson(deps, socket.data.visitor.id, done.others);
    return { conversationId: done.conversationId };
  }),

  'visitor:resumeLink': on(schemas.empty, async (_, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const visitor = (await deps.store.getVisitor(socket.data.visitor.id)) ?? socket.data.visitor;
    if (!visitor.email) throw new AppError('no_contact', 'Give your email address first, so the link can be sent there.');
    if (!deps.email.enabled) throw new AppError('email_not_configured', 'This server cannot send email.');
    const person = personOf(visitor);
    const c = person ? await deps.store.latestContactConversation(person) : await deps.store.latestConversation(visitor.id);
    if (!c) throw new AppError('not_found', 'There is no conversation to continue yet.');
    await consume(deps.limiters.visitorEmailsPerIp, deps.clientIp(socket.request));
    await consume(deps.limiters.visitorEmailsPerAddress, visitor.email.toLowerCase());
    const link = await newResumeLink(deps.store, visitor, c.id);
    if (!link) throw new AppError('not_found', 'There is no page to link to yet.');
    const site = await siteOf(socket, deps);
    const mail = resumeLinkEmail({ locale: visitor.language, siteName: site.name, visitorName: visitor.name, link, days: RESUME_DAYS });
    await deps.email.queue({ to: visitor.email, ...mail, secret: true });
    return { email: visitor.email };
  }),
} satisfies EventTable<VisitorClientEvents, VisitorSocket>;
