/** Versioned schema changes, applied in order at start. Never edit a released entry: add one. */
export const SQLITE_MIGRATIONS: string[] = [
  `
  CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    greeting TEXT NOT NULL,
    color TEXT NOT NULL,
    allowed_origins TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
  );
  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE visitors (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT,
    email TEXT,
    page_url TEXT,
    page_title TEXT,
    referrer TEXT,
    user_agent TEXT,
    language TEXT,
    timezone TEXT,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    visits INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    visitor_id TEXT NOT NULL REFERENCES visitors(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'open', 'resolved')),
    last_seq INTEGER NOT NULL DEFAULT 0,
    agent_read_seq INTEGER NOT NULL DEFAULT 0,
    visitor_read_seq INTEGER NOT NULL DEFAULT 0,
    first_response_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX conversations_visitor ON conversations(visitor_id, created_at);
  CREATE INDEX conversations_updated ON conversations(updated_at);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    seq INTEGER NOT NULL,
    author TEXT NOT NULL CHECK (author IN ('visitor', 'agent', 'system')),
    agent_id TEXT,
    author_name TEXT,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, seq)
  );
  `,
  // Unread counts kept on the row, so the inbox never counts messages per update.
  `
  ALTER TABLE conversations ADD COLUMN agent_unread INTEGER NOT NULL DEFAULT 0;
  UPDATE conversations SET agent_unread = (
    SELECT count(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author = 'visitor' AND m.seq > conversations.agent_read_seq
  );
  `,
  // Side effects (email now, webhooks later) are stored first and sent by a worker.
  `
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('email')),
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  );
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
  `,
  `
  CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    category TEXT NOT NULL CHECK (category IN ('complaint', 'praise', 'idea', 'question')),
    text TEXT NOT NULL,
    name TEXT,
    email TEXT,
    page_url TEXT,
    page_title TEXT,
    locale TEXT,
    status TEXT NOT NULL CHECK (status IN ('new', 'answered', 'archived')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX feedback_created ON feedback(created_at);
  CREATE TABLE feedback_replies (
    id TEXT PRIMARY KEY,
    feedback_id TEXT NOT NULL REFERENCES feedback(id),
    agent_id TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    text TEXT NOT NULL,
    outbox_id TEXT NOT NULL REFERENCES outbox(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX feedback_replies_feedback ON feedback_replies(feedback_id, created_at);
  `,
  `
  ALTER TABLE sites ADD COLUMN hours TEXT NOT NULL DEFAULT '{"timezone":"UTC","weekly":{"mon":[{"from":"09:00","to":"17:00"}],"tue":[{"from":"09:00","to":"17:00"}],"wed":[{"from":"09:00","to":"17:00"}],"thu":[{"from":"09:00","to":"17:00"}],"fri":[{"from":"09:00","to":"17:00"}],"sat":[],"sun":[]}}';
  CREATE TABLE callbacks (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    visitor_id TEXT REFERENCES visitors(id),
    phone TEXT NOT NULL,
    name TEXT,
    topic TEXT,
    asap INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    window_end TEXT,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'rescheduled', 'called', 'wrong_number', 'cancelled')),
    claimed_by TEXT,
    claimed_by_name TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    page_url TEXT,
    page_title TEXT,
    visitor_timezone TEXT,
    visitor_locale TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX callbacks_due ON callbacks(status, due_at);
  CREATE INDEX callbacks_phone ON callbacks(site_id, phone, status);
  CREATE INDEX callbacks_visitor ON callbacks(visitor_id, created_at);
  CREATE TABLE callback_attempts (
    id TEXT PRIMARY KEY,
    callback_id TEXT NOT NULL REFERENCES callbacks(id),
    agent_id TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'cancelled', 'rescheduled')),
    note TEXT,
    due_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id, created_at);
  `,
  // Availability, scripted answers and satisfaction: issue "Honest availability".
  `
  ALTER TABLE sites ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE agents ADD COLUMN away INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversations ADD COLUMN survey_rating INTEGER CHECK (survey_rating BETWEEN 1 AND 5);
  ALTER TABLE conversations ADD COLUMN survey_comment TEXT;
  ALTER TABLE conversations ADD COLUMN survey_at TEXT;
  ALTER TABLE messages ADD COLUMN faq_id TEXT;
  ALTER TABLE messages ADD COLUMN faq_helpful INTEGER;
  `,
  // The console hears when a reply's email leaves the outbox: find the reply by its email.
  `
  CREATE INDEX feedback_replies_outbox ON feedback_replies(outbox_id);
  `,
  // The console's count of new feedback, and lists by status, without reading every item.
  `
  CREATE INDEX feedback_status ON feedback(status, created_at);
  `,
  // The typical reply time reads a week of a site's conversations (it scanned them all), the
  // callback history pages by last change, and the retention sweep finds idle visitors and old
  // emails. Nothing a message writes: no cost per message.
  `
  CREATE INDEX conversations_site_created ON conversations(site_id, created_at);
  CREATE INDEX callbacks_updated ON callbacks(updated_at);
  CREATE INDEX visitors_last_seen ON visitors(last_seen_at, id);
  CREATE INDEX outbox_unswept ON outbox(created_at) WHERE payload != '{}';
  `,
  // A generated first password is kept until someone signs in with it, so a start that fails
  // after creating the admin (a busy port) cannot lock the owner out: every start prints it again.
  `
  ALTER TABLE agents ADD COLUMN initial_password TEXT;
  `,
  // Opening hours became an option (new sites are open whenever an agent is there): the sites
  // that exist keep the hours they had. A site's visitors and feedback, for
  // counting and deleting them and for the feedback list filtered by site.
  `
  UPDATE sites SET settings = json_set(settings, '$.hoursEnabled', json('true'));
  CREATE INDEX visitors_site ON visitors(site_id);
  CREATE INDEX feedback_site ON feedback(site_id, created_at);
  `,
  // Team: invites and password resets (one-time links, stored hashed) and deactivated agents.
  `
  ALTER TABLE agents ADD COLUMN deactivated_at TEXT;
  CREATE TABLE agent_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
    email TEXT NOT NULL COLLATE NOCASE,
    role TEXT CHECK (role IN ('admin', 'agent')),
    agent_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
    created_by TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX agent_tokens_pending ON agent_tokens(kind, used_at, revoked_at, expires_at);
  CREATE INDEX sessions_agent ON sessions(agent_id);
  `,
  // A worker settles only what its own claim took (issue 16); a visitor has one open call back
  // request per phone, however many tabs ask at once (issue 15): older duplicates are closed.
  `
  ALTER TABLE outbox ADD COLUMN claim_id TEXT;
  UPDATE callbacks SET status = 'cancelled' WHERE visitor_id IS NOT NULL AND status IN ('waiting', 'rescheduled') AND EXISTS (
    SELECT 1 FROM callbacks n WHERE n.site_id = callbacks.site_id AND n.visitor_id = callbacks.visitor_id AND n.phone = callbacks.phone
      AND n.status IN ('waiting', 'rescheduled') AND (n.created_at, n.rowid) > (callbacks.created_at, callbacks.rowid)
  );
  CREATE UNIQUE INDEX callbacks_open_phone ON callbacks(site_id, visitor_id, phone)
    WHERE status IN ('waiting', 'rescheduled') AND visitor_id IS NOT NULL;
  `,
  // Where a cluster-wide timer stopped (the retention sweep's cursor), for whichever node leads next (issue 16).
  `
  CREATE TABLE sweep_cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
  `,
  // REST API (issue 17): tokens stored as the sha256 of their secret, and the first answer to each
  // write per token and Idempotency-Key.
  `
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE api_idempotency (
    token_id TEXT NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (token_id, key)
  );
  CREATE INDEX api_idempotency_created ON api_idempotency(token_id, created_at);
  `,
  // Verified identity (issue 17): a site's identity secret, and contacts that gather the visitors
  // identified with the same verified user id; a visitor's claimed phone.
  `
  CREATE TABLE site_identity (
    site_id TEXT PRIMARY KEY REFERENCES sites(id),
    secret TEXT NOT NULL,
    require_verification INTEGER NOT NULL DEFAULT 0,
    rotated_at TEXT NOT NULL
  );
  CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    external_id TEXT,
    name TEXT,
    email TEXT,
    phone TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (site_id, external_id)
  );
  ALTER TABLE visitors ADD COLUMN phone TEXT;
  ALTER TABLE visitors ADD COLUMN contact_id TEXT REFERENCES contacts(id);
  CREATE INDEX visitors_contact ON visitors(contact_id) WHERE contact_id IS NOT NULL;
  `,
  // Webhooks (issue 17): endpoints and one delivery per event and endpoint, claimed like the email outbox.
  `
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    site_id TEXT,
    description TEXT,
    secret TEXT NOT NULL,
    old_secret TEXT,
    old_secret_until TEXT,
    failing_since TEXT,
    disabled_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    order_key TEXT,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    claim_id TEXT,
    response_status INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    delivered_at TEXT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
  CREATE INDEX webhook_deliveries_order ON webhook_deliveries(endpoint_id, order_key, seq);
  `,
  // Contacts (issue 18): every visitor belongs to exactly one contact, one made now for each visitor
  // without one; a visitor joined by a verified identity or email is marked verified (only those share
  // their history with the person's other browsers); merges are recorded so an agent can undo them.
  `
  ALTER TABLE contacts ADD COLUMN email_verified_at TEXT;
  ALTER TABLE contacts ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE contacts ADD COLUMN notes TEXT;
  ALTER TABLE contacts ADD COLUMN merged_into TEXT;
  ALTER TABLE visitors ADD COLUMN verified_at TEXT;
  -- Feedback a visitor signed with a name and email belongs to their contact (anonymous feedback keeps no link).
  ALTER TABLE feedback ADD COLUMN visitor_id TEXT;
  UPDATE visitors SET verified_at = last_seen_at WHERE contact_id IS NOT NULL;
  INSERT INTO contacts (id, site_id, name, email, phone, created_at, updated_at)
    SELECT 'ct_' || id, site_id, name, email, phone, first_seen_at, last_seen_at FROM visitors WHERE contact_id IS NULL;
  UPDATE visitors SET contact_id = 'ct_' || id WHERE contact_id IS NULL;
  CREATE INDEX contacts_site_email ON contacts(site_id, email COLLATE NOCASE);
  CREATE INDEX contacts_site_phone ON contacts(site_id, phone);
  CREATE TABLE contact_merges (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    into_id TEXT NOT NULL,
    from_id TEXT NOT NULL,
    visitor_ids TEXT NOT NULL,
    reason TEXT NOT NULL,
    -- The surviving contact's details before the merge, and the merged one's external id: what an undo restores.
    into_before TEXT NOT NULL,
    agent_id TEXT,
    created_at TEXT NOT NULL,
    undone_at TEXT
  );
  CREATE INDEX contact_merges_into ON contact_merges(into_id, created_at);
  CREATE INDEX feedback_visitor ON feedback(visitor_id) WHERE visitor_id IS NOT NULL;
  `,
  // The user id a page claimed with identify without a hash: kept on the visitor, never merged.
  `ALTER TABLE visitors ADD COLUMN claimed_id TEXT;`,
  // How a conversation began (issue 17, the REST API's channel filter): chat, offline ("leave a message") or email.
  `
  ALTER TABLE conversations ADD COLUMN channel TEXT NOT NULL DEFAULT 'chat';
  CREATE INDEX conversations_channel ON conversations(channel, updated_at);
  `,
  // Export and erase, win back (issue 18): the audit log of exports and erasures, agents' cases of
  // unhappy contacts, and when a contact was erased.
  `
  ALTER TABLE contacts ADD COLUMN erased_at TEXT;
  CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('agent', 'token')),
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    site_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX audit_log_at ON audit_log(at, id);
  CREATE TABLE winback_cases (
    contact_id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    assigned_to TEXT,
    assigned_name TEXT,
    follow_up TEXT,
    closed_at TEXT,
    updated_at TEXT NOT NULL
  );
  `,
  // Email threads, held inbound mail and resume links (issue 18).
  `
  CREATE TABLE mail_threads (
    message_id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    address TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX mail_threads_target ON mail_threads(target_kind, target_id, created_at);
  CREATE TABLE held_mail (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    from_address TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    message_id TEXT,
    target_kind TEXT,
    target_id TEXT,
    spf TEXT,
    dkim TEXT,
    status TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT
  );
  CREATE INDEX held_mail_status ON held_mail(status, received_at);
  CREATE TABLE resume_links (
    token_hash TEXT PRIMARY KEY,
    visitor_id TEXT NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  `,
  // Assignment (issue 19): a conversation's agent, the note of its last transfer, and since when its agent
  // has been offline (a chat returns to Unassigned once that passes the site's grace period).
  `
  ALTER TABLE conversations ADD COLUMN assignee_id TEXT REFERENCES agents(id) ON DELETE SET NULL;
  ALTER TABLE conversations ADD COLUMN assigned_at TEXT;
  ALTER TABLE conversations ADD COLUMN handoff_note TEXT;
  ALTER TABLE conversations ADD COLUMN handoff_by TEXT;
  ALTER TABLE conversations ADD COLUMN assignee_offline_since TEXT;
  CREATE INDEX conversations_assignee ON conversations(assignee_id, status);
  `,
  // Issue 19: internal notes are messages of kind 'note' (agents only); canned replies; tags on conversations, callbacks, feedback.
  `
  ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'note'));
  CREATE TABLE canned_replies (
    id TEXT PRIMARY KEY,
    -- NULL: shared by the team (admins manage them); else the agent's own.
    agent_id TEXT,
    shortcut TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX canned_replies_shortcut ON canned_replies(coalesce(agent_id, ''), shortcut);
  CREATE TABLE item_tags (
    site_id TEXT NOT NULL,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('conversation', 'callback', 'feedback')),
    item_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (item_kind, item_id, tag)
  );
  CREATE INDEX item_tags_site ON item_tags(site_id, tag);
  `,
];
