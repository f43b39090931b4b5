import type { AgentClientEvents } from '../../protocol/events';
import type { HeldMail } from '../../protocol/types';
import { postMailText, receiveMail, type InboundMail, type InboundOutcome } from '../domain/inbound-mail';
import { requireAdmin } from '../domain/roles';
import { AppError } from '../errors';
import type { HeldMailRow } from '../store/types';
import { schemas } from '../validation';
import { announceMessage } from './broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

const on = handlerFor<AgentSocket>();

/** How many held emails the console lists (the rest come as the first are dealt with). */
const LIST = 200;

const toHeldMail = ({ messageId: _m, status: _s, decidedBy: _b, decidedAt: _a, ...h }: HeldMailRow): HeldMail => h;

/** Tells every console how much mail is held now. */
async function announceHeldCount(deps: SocketDeps): Promise<void> {
  const held = await deps.store.listHeldMail(LIST);
  deps.agents.to(rooms.agents).emit('heldMail:changed', held.length);
}

/** Takes in an emailed reply (SMTP or webhook): a posted one reaches consoles and the visitor like any message. */
export function inboundReceiver(deps: SocketDeps, inboundDomain: string | null): (mail: InboundMail) => Promise<InboundOutcome> {
  return async (mail) => {
    const outcome = await receiveMail(deps.store, mail, inboundDomain);
    if ('posted' in outcome) {
      if (outcome.posted.created) await announceMessage(deps, outcome.posted);
    } else {
      deps.log.info({ reason: outcome.held, id: outcome.id }, 'inbound mail held for review');
      await announceHeldCount(deps).catch((err) => deps.log.warn({ err }, 'could not announce held mail'));
    }
    return outcome;
  };
}

/** Admins review held mail: post it where its address pointed, or discard it. */
export const agentHeldMailHandlers = {
  'heldMail:list': on(schemas.empty, async (_, socket, { store }) => {
    requireAdmin(socket.data.agent, 'review held mail');
    return (await store.listHeldMail(LIST)).map(toHeldMail);
  }),

  'heldMail:post': on(
    schemas.heldMail,
    async (p, socket, deps) => {
      requireAdmin(socket.data.agent, 'review held mail');
      const held = await deps.store.getHeldMail(p.id);
      if (!held || held.status !== 'held') throw new AppError('not_found', 'No such held mail (it may have been dealt with already).');
      if (!held.target)
        throw new AppError('invalid_payload', 'This email carried no reply address of a conversation: it can only be discarded.');
      if (!held.text.trim()) throw new AppError('invalid_payload', 'This email has no text to post: it can only be discarded.');
      const result = await postMailText(deps.store, held.target, held.text, `held-${held.id}`, held.messageId);
      await deps.store.decideHeldMail(held.id, 'posted', socket.data.agent.id, new Date().toISOString());
      if (result.created) await announceMessage(deps, result);
      await announceHeldCount(deps);
      return result.message;
    },
    { serial: true },
  ),

  'heldMail:discard': on(schemas.heldMail, async (p, socket, deps) => {
    requireAdmin(socket.data.agent, 'review held mail');
    const done = await deps.store.decideHeldMail(p.id, 'discarded', socket.data.agent.id, new Date().toISOString());
    if (!done) throw new AppError('not_found', 'No such held mail (it may have been dealt with already).');
    await announceHeldCount(deps);
    return null;
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
