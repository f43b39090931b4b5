import type pg from 'pg';

/**
 * Versioned schema changes for Postgres, applied in order at start; never edit a released entry,
 * add one. The first is the SQLite schema as of its twelfth migration, in Postgres's own types.
 */
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE sites (
    id text PRIMARY KEY,
    name text NOT NULL,
    greeting text NOT NULL,
    color text NOT NULL,
    allowed_origins jsonb NOT NULL DEFAULT '[]',
    hours jsonb NOT NULL,
    settings jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL
  );
  CREATE TABLE agents (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash text NOT NULL,
    initial_password text,
    away boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    deactivated_at timestamptz
  );
  CREATE UNIQUE INDEX agents_email ON agents (lower(email));
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    agent_id text NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX sessions_agent ON sessions(agent_id);
  CREATE INDEX sessions_expiry ON sessions(expires_at);
  CREATE TABLE agent_tokens (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('invite', 'reset')),
    email text NOT NULL,
    role text CHECK (role IN ('admin', 'agent')),
    agent_id text REFERENCES agents(id) ON DELETE CASCADE,
    created_by text,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    revoked_at timestamptz
  );
  CREATE INDEX agent_tokens_pending ON agent_tokens(kind, lower(email)) WHERE used_at IS NULL AND revoked_at IS NULL;
  CREATE TABLE visitors (
    id text PRIMARY KEY,
    site_id text NOT NULL REFERENCES sites(id),
    token_hash text NOT NULL UNIQUE,
    name text,
    email text,
    page_url text,
    page_title text,
    referrer text,
    user_agent text,
    language text,
    timezone text,
    first_seen_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    visits integer NOT NULL DEFAULT 1
  );
  CREATE INDEX visitors_last_seen ON visitors(last_seen_at, id);
  CREATE INDEX visitors_site ON visitors(site_id);
  CREATE TABLE conversations (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    site_id text NOT NULL REFERENCES sites(id),
    visitor_id text NOT NULL REFERENCES visitors(id),
    status text NOT NULL CHECK (status IN ('pending', 'open', 'resolved')),
    last_seq integer NOT NULL DEFAULT 0,
    agent_read_seq integer NOT NULL DEFAULT 0,
    agent_unread integer NOT NULL DEFAULT 0,
    visitor_read_seq integer NOT NULL DEFAULT 0,
    survey_rating integer CHECK (survey_rating BETWEEN 1 AND 5),
    survey_comment text,
    survey_at timestamptz,
    first_response_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX conversations_visitor ON conversations(visitor_id, created_at);
  CREATE INDEX conversations_updated ON conversations(updated_at, id);
  CREATE INDEX conversations_site_created ON conversations(site_id, created_at);
  CREATE TABLE messages (
    id text PRIMARY KEY,
    conversation_id text NOT NULL REFERENCES conversations(id),
    seq integer NOT NULL,
    author text NOT NULL CHECK (author IN ('visitor', 'agent', 'system')),
    agent_id text,
    author_name text,
    text text NOT NULL,
    created_at timestamptz NOT NULL,
    faq_id text,
    faq_helpful boolean,
    UNIQUE (conversation_id, seq)
  );
  CREATE TABLE outbox (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('email')),
    payload jsonb NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until timestamptz,
    claim_id text,
    last_error text,
    created_at timestamptz NOT NULL,
    sent_at timestamptz
  );
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
  CREATE INDEX outbox_unswept ON outbox(created_at) WHERE payload <> '{}'::jsonb;
  CREATE TABLE feedback (
    id text PRIMARY KEY,
    site_id text NOT NULL REFERENCES sites(id),
    rating integer CHECK (rating BETWEEN 1 AND 5),
    category text NOT NULL CHECK (category IN ('complaint', 'praise', 'idea', 'question')),
    text text NOT NULL,
    name text,
    email text,
    page_url text,
    page_title text,
    locale text,
    status text NOT NULL CHECK (status IN ('new', 'answered', 'archived')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX feedback_created ON feedback(created_at, id);
  CREATE INDEX feedback_status ON feedback(status, created_at);
  CREATE INDEX feedback_site ON feedback(site_id, created_at);
  CREATE TABLE feedback_replies (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    feedback_id text NOT NULL REFERENCES feedback(id),
    agent_id text NOT NULL,
    agent_name text NOT NULL,
    text text NOT NULL,
    outbox_id text NOT NULL REFERENCES outbox(id),
    created_at timestamptz NOT NULL
  );
  CREATE INDEX feedback_replies_feedback ON feedback_replies(feedback_id, created_at);
  CREATE INDEX feedback_replies_outbox ON feedback_replies(outbox_id);
  CREATE TABLE callbacks (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    site_id text NOT NULL REFERENCES sites(id),
    visitor_id text REFERENCES visitors(id),
    phone text NOT NULL,
    name text,
    topic text,
    asap boolean NOT NULL,
    due_at timestamptz NOT NULL,
    window_end timestamptz,
    status text NOT NULL CHECK (status IN ('waiting', 'rescheduled', 'called', 'wrong_number', 'cancelled')),
    claimed_by text,
    claimed_by_name text,
    attempts integer NOT NULL DEFAULT 0,
    page_url text,
    page_title text,
    visitor_timezone text,
    visitor_locale text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX callbacks_due ON callbacks(status, due_at);
  CREATE INDEX callbacks_visitor ON callbacks(visitor_id, created_at);
  CREATE INDEX callbacks_updated ON callbacks(updated_at);
  CREATE UNIQUE INDEX callbacks_open_phone ON callbacks(site_id, visitor_id, phone)
    WHERE status IN ('waiting', 'rescheduled') AND visitor_id IS NOT NULL;
  CREATE TABLE callback_attempts (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    callback_id text NOT NULL REFERENCES callbacks(id),
    agent_id text NOT NULL,
    agent_name text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'cancelled', 'rescheduled')),
    note text,
    due_at timestamptz,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id, created_at);
  `,
  // Where a cluster-wide timer stopped (the retention sweep's cursor), for whichever node leads next.
  `
  CREATE TABLE sweep_cursors (name text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
  `,
  // REST API (issue 17): tokens stored as the sha256 of their secret, and the first answer to each
  // write per token and Idempotency-Key.
  `
  CREATE TABLE api_tokens (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    prefix text NOT NULL,
    scopes jsonb NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz
  );
  CREATE TABLE api_idempotency (
    token_id text NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
    key text NOT NULL,
    fingerprint text NOT NULL,
    status integer NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (token_id, key)
  );
  CREATE INDEX api_idempotency_created ON api_idempotency(token_id, created_at);
  `,
  // Verified identity (issue 17): a site's identity secret, and contacts that gather the visitors
  // identified with the same verified user id; a visitor's claimed phone.
  `
  CREATE TABLE site_identity (
    site_id text PRIMARY KEY REFERENCES sites(id),
    secret text NOT NULL,
    require_verification boolean NOT NULL DEFAULT false,
    rotated_at timestamptz NOT NULL
  );
  CREATE TABLE contacts (
    id text PRIMARY KEY,
    site_id text NOT NULL REFERENCES sites(id),
    external_id text,
    name text,
    email text,
    phone text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (site_id, external_id)
  );
  ALTER TABLE visitors ADD COLUMN phone text;
  ALTER TABLE visitors ADD COLUMN contact_id text REFERENCES contacts(id);
  CREATE INDEX visitors_contact ON visitors(contact_id) WHERE contact_id IS NOT NULL;
  `,
  // Webhooks (issue 17): endpoints and one delivery per event and endpoint, claimed like the email outbox.
  // The body is text, not jsonb: the exact bytes signed are the bytes sent on every try.
  `
  CREATE TABLE webhook_endpoints (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    url text NOT NULL,
    events jsonb NOT NULL,
    site_id text,
    description text,
    secret text NOT NULL,
    old_secret text,
    old_secret_until timestamptz,
    failing_since timestamptz,
    disabled_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    endpoint_id text NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event_type text NOT NULL,
    order_key text,
    body text NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until timestamptz,
    claim_id text,
    response_status integer,
    last_error text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    delivered_at timestamptz
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
  CREATE INDEX webhook_deliveries_order ON webhook_deliveries(endpoint_id, order_key, seq);
  `,
  // Contacts (issue 18): every visitor belongs to exactly one contact, one made now for each visitor
  // without one; a visitor joined by a verified identity or email is marked verified (only those share
  // their history with the person's other browsers); merges are recorded so an agent can undo them.
  `
  ALTER TABLE contacts ADD COLUMN email_verified_at timestamptz;
  ALTER TABLE contacts ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb;
  ALTER TABLE contacts ADD COLUMN notes text;
  ALTER TABLE contacts ADD COLUMN merged_into text;
  ALTER TABLE visitors ADD COLUMN verified_at timestamptz;
  -- Feedback a visitor signed with a name and email belongs to their contact (anonymous feedback keeps no link).
  ALTER TABLE feedback ADD COLUMN visitor_id text;
  UPDATE visitors SET verified_at = last_seen_at WHERE contact_id IS NOT NULL;
  INSERT INTO contacts (id, site_id, name, email, phone, created_at, updated_at)
    SELECT 'ct_' || id, site_id, name, email, phone, first_seen_at, last_seen_at FROM visitors WHERE contact_id IS NULL;
  UPDATE visitors SET contact_id = 'ct_' || id WHERE contact_id IS NULL;
  CREATE INDEX contacts_site_email ON contacts(site_id, lower(email));
  CREATE INDEX contacts_site_phone ON contacts(site_id, phone);
  CREATE TABLE contact_merges (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    site_id text NOT NULL,
    into_id text NOT NULL,
    from_id text NOT NULL,
    visitor_ids jsonb NOT NULL,
    reason text NOT NULL,
    -- The surviving contact's details before the merge, and the merged one's external id: what an undo restores.
    into_before jsonb NOT NULL,
    agent_id text,
    created_at timestamptz NOT NULL,
    undone_at timestamptz
  );
  CREATE INDEX contact_merges_into ON contact_merges(into_id, created_at);
  CREATE INDEX feedback_visitor ON feedback(visitor_id) WHERE visitor_id IS NOT NULL;
  `,
  // The user id a page claimed with identify without a hash: kept on the visitor, never merged.
  `ALTER TABLE visitors ADD COLUMN claimed_id text;`,
  // How a conversation began (issue 17, the REST API's channel filter): chat, offline ("leave a message") or email.
  `
  ALTER TABLE conversations ADD COLUMN channel text NOT NULL DEFAULT 'chat';
  CREATE INDEX conversations_channel ON conversations(channel, updated_at);
  `,
  // Export and erase, win back (issue 18): the audit log of exports and erasures, agents' cases of
  // unhappy contacts, and when a contact was erased.
  `
  ALTER TABLE contacts ADD COLUMN erased_at timestamptz;
  CREATE TABLE audit_log (
    n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_kind text NOT NULL CHECK (actor_kind IN ('agent', 'token')),
    actor_id text NOT NULL,
    actor_name text NOT NULL,
    action text NOT NULL,
    contact_id text NOT NULL,
    site_id text,
    detail jsonb NOT NULL DEFAULT '{}'
  );
  CREATE INDEX audit_log_at ON audit_log(at, id);
  CREATE TABLE winback_cases (
    contact_id text PRIMARY KEY,
    site_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    assigned_to text,
    assigned_name text,
    follow_up jsonb,
    closed_at timestamptz,
    updated_at timestamptz NOT NULL
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
    created_at timestamptz NOT NULL
  );
  CREATE INDEX mail_threads_target ON mail_threads(target_kind, target_id, created_at);
  CREATE TABLE held_mail (
    id TEXT PRIMARY KEY,
    received_at timestamptz NOT NULL,
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
    decided_at timestamptz
  );
  CREATE INDEX held_mail_status ON held_mail(status, received_at);
  CREATE TABLE resume_links (
    token_hash TEXT PRIMARY KEY,
    visitor_id TEXT NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  );
  `,
  // Assignment (issue 19): a conversation's agent, the note of its last transfer, and since when its agent
  // has been offline (a chat returns to Unassigned once that passes the site's grace period).
  `
  ALTER TABLE conversations ADD COLUMN assignee_id text REFERENCES agents(id) ON DELETE SET NULL;
  ALTER TABLE conversations ADD COLUMN assigned_at timestamptz;
  ALTER TABLE conversations ADD COLUMN handoff_note text;
  ALTER TABLE conversations ADD COLUMN handoff_by text;
  ALTER TABLE conversations ADD COLUMN assignee_offline_since timestamptz;
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
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE UNIQUE INDEX canned_replies_shortcut ON canned_replies(coalesce(agent_id, ''), shortcut);
  CREATE TABLE item_tags (
    site_id TEXT NOT NULL,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('conversation', 'callback', 'feedback')),
    item_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (item_kind, item_id, tag)
  );
  CREATE INDEX item_tags_site ON item_tags(site_id, tag);
  `,
];

/**
 * Brings the schema up to date under an advisory lock (per schema), so nodes starting together
 * migrate once: the others wait, then find nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  const key = `SELECT hashtext('earshot-migrations:' || current_schema())`;
  try {
    await client.query(`SELECT pg_advisory_lock((${key}))`);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
      for (let v = done; v < PG_MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[v]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock((${key}))`);
    }
  } finally {
    client.release();
  }
}
