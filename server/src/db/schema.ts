import type { Kysely } from 'kysely';

/** Times are milliseconds since the epoch (bigint columns, read back as numbers). */
export interface Database {
  lede_schema: { version: number; applied_at: number };
  settings: { key: string; value: string };
  subscribers: {
    id: string;
    email: string;
    list: string;
    name: string | null;
    status: 'pending' | 'confirmed' | 'unsubscribed';
    lang: string | null;
    consent_text: string | null;
    consent_at: number | null;
    source: string | null;
    elapsed_ms: number | null;
    created_at: number;
    confirmed_at: number | null;
    unsubscribed_at: number | null;
  };
  tokens: {
    hash: string;
    subscriber_id: string;
    purpose: 'confirm' | 'unsubscribe';
    expires_at: number | null;
    used_at: number | null;
    created_at: number;
  };
  mail_queue: {
    id: string;
    subscriber_id: string | null;
    to_email: string;
    message: string;
    created_at: number;
    attempts: number;
    next_attempt_at: number;
    locked_until: number;
    last_error: string | null;
  };
  mail_log: { email_key: string; sent_at: number };
  votes: { article_id: string; reader_id: string; scenario_id: string; client_key: string; created_at: number };
  vote_counts: { article_id: string; scenario_id: string; n: number };
  vote_caps: { client_key: string; article_id: string; day: string; n: number };
  /** `source` null: pushed (admin PUT) before sources existed; `checked_at`: last time the source was asked. */
  comment_counts: {
    article_id: string;
    count: number;
    updated_at: number;
    source: string | null;
    checked_at: number | null;
  };
  idempotency: {
    scope: string;
    key: string;
    request_hash: string;
    status: number | null;
    body: string | null;
    subject: string | null;
    created_at: number;
  };
  rate_limits: { bucket: string; client_key: string; window_start: number; n: number };
  salts: { day: string; salt: string };
  forward_jobs: {
    id: string;
    forwarder: string;
    service: string;
    list: string;
    action: 'subscribe' | 'unsubscribe' | 'erase';
    email: string;
    /** JSON of ForwardPayload (name, language, consent...): what the adapters may send besides the address. */
    payload: string;
    status: 'pending' | 'failed' | 'done';
    attempts: number;
    last_error: string | null;
    next_attempt_at: number;
    locked_until: number;
    created_at: number;
    updated_at: number;
  };
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
