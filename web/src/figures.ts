// The call platform's figures (GET /api/v1/figures, docs/calls.md "Figures"): the API and the small pure helpers
// the dashboard and its chart use (tested in test/figures.test.ts).
import { buildQuery } from './api';
import { api } from './session';

export type FiguresPeriodKind = 'day' | 'week' | 'campaign';

export interface FiguresCampaign {
  id: number;
  name: string;
  kind: string;
  status: string;
  starts_on: string;
  ends_on: string | null;
}

export interface FiguresDay {
  day: string;
  calls: number;
  reached: number;
  escalations: number;
}

export interface ReferralServiceRow {
  service: string;
  total: number;
  states: Record<string, number>;
}

export interface Figures {
  period: { kind: FiguresPeriodKind; label: string; from: string; to: string; starts_at: number; ends_at: number };
  campaign: FiguresCampaign | null;
  computed_at: number;
  calls: number;
  reached: number;
  share_reached: number | null;
  persons_reached: number;
  records_processed: number;
  referrals: { total: number; by_service: ReferralServiceRow[] };
  escalations: { opened: number; closed: number; open_now: number };
  enrolled_not_reached_24h: number;
  situations_followed: number;
  days: FiguresDay[];
}

export interface FiguresQuery {
  period: FiguresPeriodKind;
  day?: string;
  campaign_id?: number | string;
}

/** The referral states in the workflow's order (the table's columns). */
export const REFERRAL_STATES = ['proposed', 'sent', 'accepted', 'refused', 'done', 'cancelled'] as const;

function cleanQuery(q: FiguresQuery): Record<string, string | number | undefined> {
  return {
    period: q.period,
    day: q.period === 'campaign' ? undefined : q.day,
    campaign_id: q.period === 'campaign' ? q.campaign_id : undefined,
  };
}

export const figuresApi = {
  figures: (q: FiguresQuery) => api.request<Figures>('GET', '/figures', { query: cleanQuery(q) }),
  campaigns: () => api.request<{ items: FiguresCampaign[] }>('GET', '/figures/campaigns'),
  exportUrl: (format: 'xlsx' | 'csv', q: FiguresQuery) => `/api/v1/figures/export.${format}${buildQuery(cleanQuery(q))}`,
};
