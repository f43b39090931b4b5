import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import type { AgentClientEvents, VisitorClientEvents } from '../protocol/events';
import type { Config } from './config';
import { ensureFirstAdmin, type FirstAdmin } from './domain/agents';
import { createEmailService, type EmailService } from './email/email-service';
import { createMailer } from './email/mailer';
import { startOutboxWorker } from './email/outbox-worker';
import { startRetention } from './domain/retention';
import { ensureDemoSite } from './domain/sites';
import { authRoutes } from './http/auth-routes';
import { clientIpReader } from './http/client-ip';
import { apiNotFound, errorHandler } from './http/errors';
import { siteRoutes } from './http/site-routes';
import { staticRoutes } from './http/static';
import { createLimiters, DEFAULT_LIMITS, type LimitSettings } from './limits';
import { createLogger, type Logger } from './log';
import { agentChatHandlers } from './socket/agent-chat';
import { endAgentSockets, endSessionSockets, endWithSession, useAgentAuth, useVisitorAuth } from './socket/auth';
import { startAgentSweep, withFreshAgent } from './socket/fresh-agent';
import { accountRoutes, linkRoutes, teamRoutes, type TeamDeps } from './http/team-routes';
import { combine, serveEvents } from './socket/handler';
import { rooms, type AgentNamespace, type AgentSocket, type SocketDeps, type VisitorNamespace, type VisitorSocket } from './socket/types';
import { agentCallbackHandlers } from './socket/agent-callbacks';
import { agentAssignHandlers, startAssignmentSweep } from './socket/agent-assign';
import { agentFeedbackHandlers } from './socket/agent-feedback';
import { agentCannedHandlers } from './socket/agent-canned';
import { agentContactHandlers } from './socket/agent-contacts';
import { agentTagHandlers } from './socket/agent-tags';
import { agentHeldMailHandlers, inboundReceiver } from './socket/agent-held-mail';
import { startInboundSmtp, type InboundSmtp } from './email/inbound-smtp';
import { inboundRoutes } from './http/inbound-routes';
import { agentIdentityHandlers } from './socket/agent-identity';
import { agentSiteHandlers } from './socket/agent-sites';
import { visitorAvailabilityHandlers } from './socket/visitor-availability';
import { visitorCallbackHandlers } from './socket/visitor-callbacks';
import { socketFanout } from './socket/broadcast';
import { createPresence } from './socket/presence';
import { startResync } from './socket/resync';
import { createSiteCache } from './domain/site-cache';
import { onVisitorConnect, visitorChatHandlers } from './socket/visitor-chat';
import { visitorFeedbackHandlers } from './socket/visitor-feedback';
import { visitorResumeHandlers } from './socket/visitor-resume';
import { STORE_RULES } from './domain/store-rules';
import { openStore } from './store/open';
import type { Store } from './store/types';
import { createLocalBus } from './bus/local-bus';
import { createRedisBus } from './bus/redis-bus';
import type { Bus } from './bus/types';
import { healthRoute } from './http/health';
import { apiV1 } from './api/router';
import { tokenRoutes } from './http/token-routes';
import { apiDocsPage } from './api/docs';
import { webhookSettings, type WebhookSettings } from './webhooks/settings';
import { shareEndpointCache } from './webhooks/endpoint-cache';
import { startWebhookWorker } from './webhooks/worker';
import { webhookRoutes } from './http/webhook-routes';
import { emailAdminsEndpointDisabled } from './domain/webhooks/disabled';
import { privacyRoutes } from './http/privacy-routes';
import { startWinBackDigest } from './domain/winback-digest';

export interface Earshot {
  /** Base URL the server listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  store: Store;
  /** What this node shares with the others (in memory when it runs alone). */
  bus: Bus;
  log: Logger;
  email: EmailService;
  /** The port of the inbound SMTP listener, when INBOUND_SMTP_PORT turned it on. */
  inboundSmtpPort: number | null;
  /** The first admin when this start created them, or while their generated password is unused. */
  firstAdmin: FirstAdmin | null;
  close(): Promise<void>;
}

/** Tells consoles where a feedback reply's email stands; other outbox email is not shown anywhere. */
async function pushReplyEmailStatus(store: Store, agents: AgentNamespace, outboxId: string): Promise<void> {
  const reply = await store.getFeedbackReplyByOutbox(outboxId);
  if (reply) agents.to(rooms.agents).emit('feedback:replyUpdated', reply);
}

/** How long a shutdown waits for the socket events under way. */
const DRAIN_MS = 10_000;

/** Wires store, HTTP and sockets together and starts listening. */
export async function startEarshot(
  config: Config,
  opts: {
    log?: Logger;
    limits?: LimitSettings;
    presenceTickMs?: number;
    agentSweepMs?: number;
    /** How often the leader returns chats of agents offline past their site's grace period to Unassigned. */
    assignmentSweepMs?: number;
    retentionMs?: number;
    /** How often a node checks whether this week's Win back summary went out. */
    winBackDigestMs?: number;
    /** A store opened by the caller (several nodes in one test process share one); the caller closes it. */
    store?: Store;
    /** A bus made by the caller (a Redis one with a key prefix of its own); the caller closes it. */
    bus?: Bus;
    /** Webhook delivery times and limits (tests shorten them). */
    webhooks?: Partial<WebhookSettings>;
  } = {},
): Promise<Earshot> {
  const log = opts.log ?? createLogger(config.logLevel);
  const app = express();
  const server = http.createServer(app);
  // The port first: a start that cannot listen (a busy port) fails before it writes anything.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  let store: Store;
  let bus: Bus;
  try {
    store = opts.store ?? (await openStore(config, STORE_RULES, log));
  } catch (err) {
    server.close();
    throw err;
  }
  try {
    const redis = config.redisUrl ? { url: config.redisUrl, log, prefix: config.redisPrefix } : null;
    bus = opts.bus ?? (redis ? await createRedisBus(redis) : createLocalBus());
  } catch (err) {
    server.close();
    if (!opts.store) await store.close();
    throw err;
  }
  await ensureDemoSite(store);
  const firstAdmin = await ensureFirstAdmin(store, { email: config.adminEmail, password: config.adminPassword });
  const limiters = createLimiters(opts.limits, bus.limiterStore);
  // CORS is answered for every origin at the transport; each namespace checks the origin itself.
  const io = new Server(server, {
    cors: { origin: true, credentials: false },
    serveClient: false,
    maxHttpBufferSize: 1e6,
    ...(bus.adapter ? { adapter: bus.adapter as never } : {}),
  });
  const agents = io.of('/agent') as AgentNamespace;
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom, config.mail.messageIdDomain) : null;
  const onSettled = (outboxId: string) => pushReplyEmailStatus(store, agents, outboxId);
  const worker = mailer ? startOutboxWorker({ store, log, send: mailer.send, onSettled, leader: bus.leader }) : null;
  const email = createEmailService(store, worker, config.mail);
  const hooks = webhookSettings(config.webhooksAllowPrivate, opts.webhooks);
  const unshareEndpoints = shareEndpointCache(store, bus);
  const hookWorker = startWebhookWorker({
    store,
    log,
    settings: hooks,
    leader: bus.leader,
    onDisabled: (e) => emailAdminsEndpointDisabled(store, email, e),
  });
  const visitors = io.of('/visitor') as VisitorNamespace;
  const deps: SocketDeps = {
    io,
    visitors,
    agents,
    store,
    log,
    limiters,
    email,
    sites: createSiteCache(store, bus),
    bus,
    presenceChanged: () => presence.changed(),
    statusOf: (site) => presence.statusOf(site),
    publicUrl: config.publicUrl,
    clientIp: clientIpReader(config.trustProxy),
    webhooks: hooks,
    live: socketFanout({ visitors, agents, store, log, bus }),
  };
  const presence = createPresence(deps, { tickMs: opts.presenceTickMs });
  startResync(deps);
  const stopSweep = startAgentSweep(deps, opts.agentSweepMs);
  const stopAssignmentSweep = startAssignmentSweep(deps, opts.assignmentSweepMs);
  const stopRetention = startRetention(store, log, {
    connected: () => [...deps.visitors.sockets.values()].map((s) => s.data.visitor.id),
    leader: bus.leader,
    everyMs: opts.retentionMs,
  });
  const stopDigest = startWinBackDigest(store, email, log, {
    publicUrl: config.publicUrl ?? null,
    everyMs: opts.winBackDigestMs,
    leader: bus.leader,
  });

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  let draining = false;
  app.get(
    '/healthz',
    healthRoute(store, bus, () => draining),
  );
  // The REST API answers problem details, body errors too: it parses its own bodies, so it goes first.
  app.use('/api/v1', apiV1(deps, opts.limits ?? DEFAULT_LIMITS));
  const receiveMail = inboundReceiver(deps, config.mail.inboundDomain);
  if (config.mail.webhookSecret) {
    app.use('/inbound', inboundRoutes({ secret: config.mail.webhookSecret, maxBytes: config.mail.maxBytes, receive: receiveMail }));
  }
  app.use('/api', express.json({ limit: '64kb' }));
  app.use('/api/tokens', tokenRoutes(store));
  app.use('/api/webhooks', webhookRoutes(store, hooks));
  app.use('/api/privacy', privacyRoutes(deps));
  app.get('/api/docs', apiDocsPage);
  app.use(
    '/api/auth',
    authRoutes(store, limiters, (tokenHash) => endSessionSockets(deps, tokenHash)),
  );
  app.use('/api/sites', siteRoutes(deps.sites, presence));
  const teamDeps: TeamDeps = {
    store,
    email,
    limiters,
    publicUrl: config.publicUrl,
    endSessions: (hashes) => hashes.forEach((h) => endSessionSockets(deps, h)),
    endAgent: (agentId) => endAgentSockets(deps, agentId),
    presenceChanged: () => presence.changed(),
  };
  app.use('/api/auth', linkRoutes(teamDeps));
  app.use('/api/team', teamRoutes(teamDeps));
  app.use('/api/account', accountRoutes(teamDeps));
  app.use('/api', apiNotFound);
  app.use(staticRoutes(config.distDir, config.demoSiteDir));
  app.use(errorHandler(log));

  useVisitorAuth(deps.visitors, deps);
  useAgentAuth(deps.agents, deps);
  // Each feature's handlers, one table per namespace: the types make sure every event has one.
  const visitorEvents = serveEvents<VisitorClientEvents, VisitorSocket>(
    deps.visitors,
    deps,
    combine(visitorChatHandlers, visitorFeedbackHandlers, visitorCallbackHandlers, visitorAvailabilityHandlers, visitorResumeHandlers),
    (socket) => onVisitorConnect(socket, deps),
  );
  const agentEvents = serveEvents<AgentClientEvents, AgentSocket>(
    deps.agents,
    deps,
    withFreshAgent(
      combine(
        agentChatHandlers,
        agentAssignHandlers,
        agentFeedbackHandlers,
        agentCallbackHandlers,
        agentSiteHandlers,
        agentIdentityHandlers,
        agentContactHandlers,
        agentCannedHandlers,
        agentTagHandlers,
        agentHeldMailHandlers,
        presence.handlers,
      ),
    ),
    (socket) => {
      void socket.join(rooms.agents);
      endWithSession(socket);
      presence.onAgentConnect(socket);
    },
  );

  let inboundSmtp: InboundSmtp | null = null;
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const earshot: Earshot = {
    url: `http://${host}:${port}`,
    inboundSmtpPort: null,
    store,
    bus,
    log,
    firstAdmin,
    email,
    async close() {
      // Gracefully: no new connections (a proxy sends them to another node), and the events
      // under way are answered before their sockets close; the clients then reconnect elsewhere.
      draining = true;
      server.close();
      await inboundSmtp?.close();
      await Promise.all([visitorEvents.idle(DRAIN_MS), agentEvents.idle(DRAIN_MS)]);
      presence.stop();
      stopRetention();
      stopDigest();
      stopSweep();
      stopAssignmentSweep();
      await Promise.all([worker?.stop(), hookWorker.stop()]);
      unshareEndpoints();
      mailer?.close();
      await io.close();
      server.closeAllConnections();
      if (!opts.bus) await bus.close();
      if (!opts.store) await store.close();
    },
  };
  if (config.mail.smtpPort !== null) {
    try {
      inboundSmtp = await startInboundSmtp({
        port: config.mail.smtpPort,
        host: config.mail.smtpHost ?? config.host,
        domain: config.mail.inboundDomain,
        maxBytes: config.mail.maxBytes,
        log,
        receive: receiveMail,
      });
    } catch (err) {
      // Like a busy PORT: the start fails as a whole, with what could not listen.
      await earshot.close();
      const why = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'it is in use' : String((err as Error).message);
      throw new Error(`cannot listen for inbound mail on INBOUND_SMTP_PORT ${config.mail.smtpPort} (${why})`, { cause: err });
    }
    earshot.inboundSmtpPort = inboundSmtp.port;
  }
  return earshot;
}
