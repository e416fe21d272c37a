import { html } from 'lit';
import { isMissing } from '../api.js';
import { lineChart } from '../charts.js';
import { count, percent } from '../format.js';
import { AdminView } from '../view-base.js';
import type { ForwardingSummary, Overview } from './types.js';

/** Signups and votes per day, subscribers by status and list, the confirmation rate, forwarding failures. */
export class OverviewView extends AdminView {
  static override properties = {
    ...AdminView.properties,
    overview: { state: true },
    forwarding: { state: true },
  };

  declare overview: Overview | undefined;
  /** null: this server has no forwarding routes. */
  declare forwarding: ForwardingSummary | null | undefined;

  protected override async load(): Promise<void> {
    const api = this.api!;
    const [overview, forwarding] = await Promise.all([
      api.get<Overview>('v1/admin/overview?days=30'),
      api.get<ForwardingSummary>('v1/admin/forwarding/summary').catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      }),
    ]);
    this.overview = overview;
    this.forwarding = forwarding;
  }

  override render() {
    const o = this.overview;
    return html`
      <h2 tabindex="-1">Overview</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!o ? html`<p role="status">${this.loading ? 'Loading…' : ''}</p>` : this.renderOverview(o)}
    `;
  }

  private renderOverview(o: Overview) {
    const s = o.subscribers;
    const all = s.pending + s.confirmed + s.unsubscribed;
    const f = this.forwarding;
    return html`
      <section aria-labelledby="totals">
        <h3 id="totals" class="visually-hidden">Totals</h3>
        <dl class="stats">
          <div class="card">
            <dt>Confirmed</dt>
            <dd data-stat="confirmed">${count(s.confirmed)}</dd>
          </div>
          <div class="card">
            <dt>Pending</dt>
            <dd data-stat="pending">${count(s.pending)}</dd>
          </div>
          <div class="card">
            <dt>Unsubscribed</dt>
            <dd data-stat="unsubscribed">${count(s.unsubscribed)}</dd>
          </div>
          <div class="card">
            <dt>Confirmation rate</dt>
            <dd data-stat="rate">${o.confirmationRate === null ? '—' : percent(o.confirmationRate)}</dd>
          </div>
          <div class="card">
            <dt>Votes</dt>
            <dd data-stat="votes">${count(o.votes.total)}</dd>
            <dd class="muted">on ${count(o.votes.articles)} ${o.votes.articles === 1 ? 'article' : 'articles'}</dd>
          </div>
          <div class="card">
            <dt>Forwarding failures</dt>
            <dd data-stat="failures">${f ? count(f.failed) : '—'}</dd>
            <dd class="muted">${f ? `${count(f.pending)} waiting` : 'not available on this server'}</dd>
          </div>
        </dl>
        <p class="summary">
          ${count(all)} ${all === 1 ? 'address' : 'addresses'} signed up: ${count(s.confirmed)} confirmed,
          ${count(s.pending)} waiting for confirmation, ${count(s.unsubscribed)} unsubscribed.
          ${o.confirmationRate === null ? '' : `${percent(o.confirmationRate)} confirmed their address.`}
        </p>
      </section>
      ${lineChart(
        'signups',
        'Signups per day',
        o.days.map((d) => ({ day: d.day, value: d.signups })),
        'signups',
      )}
      ${lineChart(
        'votes',
        'Votes per day',
        o.days.map((d) => ({ day: d.day, value: d.votes })),
        'votes',
      )}
      <div class="table-wrap">
        <table>
          <caption>
            Subscribers by list
          </caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col" class="n">Confirmed</th>
              <th scope="col" class="n">Pending</th>
              <th scope="col" class="n">Unsubscribed</th>
            </tr>
          </thead>
          <tbody>
            ${
              o.lists.length === 0
                ? html`<tr>
                    <td colspan="4">No signups yet.</td>
                  </tr>`
                : o.lists.map(
                    (l) =>
                      html`<tr>
                        <th scope="row">${l.list || '(default list)'}</th>
                        <td class="n">${count(l.confirmed)}</td>
                        <td class="n">${count(l.pending)}</td>
                        <td class="n">${count(l.unsubscribed)}</td>
                      </tr>`,
                  )
            }
          </tbody>
        </table>
      </div>
    `;
  }
}
