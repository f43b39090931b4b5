import type { IncomingMessage } from 'node:http';
import type { Namespace, Server, Socket } from 'socket.io';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '../../protocol/events';
import type { SiteStatus } from '../../protocol/types';
import type { Bus } from '../bus/types';
import type { LiveFanout } from '../domain/agent-actions';
import type { SiteCache } from '../domain/site-cache';
import type { EmailService } from '../email/email-service';
import type { Limiters } from '../limits';
import type { Logger } from '../log';
import type { WebhookSettings } from '../webhooks/settings';
import type { AgentRow, SiteRow, Store, VisitorRow } from '../store/types';

export interface VisitorSocketData {
  siteId: string;
  visitor: VisitorRow;
  /** Set when this connection created the visitor; handed out once at hello. */
  newToken: string | null;
}
export interface AgentSocketData {
  agent: AgentRow;
  /** The sign-in this socket came with: it ends with it. */
  session: { tokenHash: string; expiresAt: string };
}

export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorSocketData>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorSocketData>;
export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;

/** What every socket feature needs. */
export interface SocketDeps {
  io: Server;
  visitors: VisitorNamespace;
  agents: AgentNamespace;
  store: Store;
  log: Logger;
  limiters: Limiters;
  email: EmailService;
  sites: SiteCache;
  /** What this node shares with the others: events, presence, the leader lease. */
  bus: Bus;
  /** Tells widgets and consoles when availability may have changed. */
  presenceChanged(): void;
  /** Who is there to answer on a site now (cached for a few seconds). */
  statusOf(site: SiteRow): Promise<SiteStatus>;
  /** The client's address, behind the proxies `TRUST_PROXY` names too (as Express's `req.ip`). */
  clientIp(req: IncomingMessage): string;
  /** Origins of the relay itself (PUBLIC_URL), beside the Host of each request. */
  publicUrl: string | null;
  /** Webhook limits and rules (the REST API's webhook routes check URLs with them). */
  webhooks: WebhookSettings;
  /** Tells widgets and consoles of an agent's change through the rooms (what domain's agent actions call). */
  live: LiveFanout;
}

/** What fan-out through the rooms needs of the deps. */
export type FanoutDeps = Pick<SocketDeps, 'visitors' | 'agents' | 'store' | 'log' | 'bus'>;

/** Room names, in one place so fan-out and joins agree. */
export const rooms = {
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  site: (siteId: string) => `site:${siteId}`,
  agents: 'agents',
  /** The sockets of one sign-in, so signing out closes them. */
  session: (tokenHash: string) => `session:${tokenHash}`,
  /** Every socket of one agent, so deactivating them closes them all. */
  agent: (agentId: string) => `agent:${agentId}`,
};

/** The site a visitor socket belongs to, from the site cache. */
export const siteOf = (socket: VisitorSocket, deps: SocketDeps) => deps.sites.get(socket.data.siteId);
