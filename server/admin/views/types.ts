/** The JSON the admin routes answer (server/openapi.yaml describes each). */
export interface StatusCounts {
  pending: number;
  confirmed: number;
  unsubscribed: number;
}

export interface Overview {
  subscribers: StatusCounts;
  confirmationRate: number | null;
  lists: (StatusCounts & { list: string })[];
  votes: { total: number; articles: number };
  days: { day: string; signups: number; votes: number }[];
}

export interface ForwardingSummary {
  pending: number;
  failed: number;
  done: number;
}

export interface Subscriber {
  email: string;
  name?: string;
  list?: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  consent: { text: string; at: string; source: string } | null;
  createdAt: string;
  confirmedAt?: string;
  unsubscribedAt?: string;
}

export interface SubscriberPage {
  subscribers: Subscriber[];
  total: number;
  limit: number;
  offset: number;
}

export interface PredictionArticle {
  articleId: string;
  readers: number;
  scenarios: { scenarioId: string; votes: number }[];
}

export interface PredictionPage {
  articles: PredictionArticle[];
  total: number;
  limit: number;
  offset: number;
}

export interface PredictionDays {
  articleId: string;
  days: { day: string; votes: Record<string, number> }[];
}

export interface CommentArticle {
  articleId: string;
  count: number;
  source: string;
  updatedAt: string | null;
  stale: boolean;
}

export interface ForwardingJob {
  id: string;
  list: string;
  service: string;
  /** The forwarder's name (the service's unless the publisher named it). */
  forwarder?: string;
  action: 'subscribe' | 'unsubscribe' | 'erase';
  email: string;
  status: 'pending' | 'failed' | 'done';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}
