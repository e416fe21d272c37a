import { html } from 'lit';
import { isMissing } from '../api.js';
import { count, dateTime } from '../format.js';
import { pager } from '../pager.js';
import { AdminView } from '../view-base.js';
import type { ForwardingJob } from './types.js';

const PAGE = 50;
type Status = 'failed' | 'pending' | 'done' | 'all';

/** Jobs that forward subscribers to the email service: pending and failed ones with the service's message; retry. */
export class ForwardingView extends AdminView {
  static override properties = {
    ...AdminView.properties,
    page: { state: true },
    missing: { state: true },
    status: { state: true },
    notice: { state: true },
  };

  declare page: { jobs: ForwardingJob[]; total: number; limit: number; offset: number } | undefined;
  declare missing: boolean;
  declare status: Status;
  declare notice: string | undefined;
  private offset = 0;

  constructor() {
    super();
    this.missing = false;
    this.status = 'failed';
  }

  protected override async load(): Promise<void> {
    try {
      const answer = await this.api!.get<{ jobs: ForwardingJob[]; total: number }>(
        `v1/admin/forwarding?status=${this.status}&limit=${PAGE}&offset=${this.offset}`,
      );
      this.page = { ...answer, limit: PAGE, offset: this.offset };
    } catch (error) {
      if (!isMissing(error)) throw error;
      this.missing = true;
    }
  }

  private show(status: Status): void {
    this.status = status;
    this.offset = 0;
    this.notice = undefined;
    void this.run(() => this.load());
  }

  private go(offset: number): void {
    this.offset = offset;
    void this.run(() => this.load());
  }

  private retry(id?: string): void {
    void this.run(async () => {
      const { retried } = await this.api!.send<{ retried: number }>(
        'POST',
        'v1/admin/forwarding/retry',
        id ? { id } : {},
      );
      this.notice = `${count(retried)} ${retried === 1 ? 'job was' : 'jobs were'} queued again.`;
      await this.load();
    });
  }

  override render() {
    return html`
      <h2 tabindex="-1">Forwarding</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${
        this.missing
          ? html`<p class="card" data-state="unsupported">
              This lede-server does not forward subscribers to an email service yet (no
              <code>GET /v1/admin/forwarding</code>): update lede-server to see and retry forwarding jobs here.
            </p>`
          : this.renderJobs()
      }
    `;
  }

  private renderJobs() {
    const page = this.page;
    return html`
      <div class="row card">
        <label
          >Show
          <select @change=${(e: Event) => this.show((e.target as HTMLSelectElement).value as Status)}>
            ${(['failed', 'pending', 'done', 'all'] as const).map(
              (s) =>
                html`<option value=${s} ?selected=${this.status === s}>
                  ${s === 'all' ? 'all jobs' : `${s} jobs`}
                </option>`,
            )}
          </select>
        </label>
        <button type="button" class="primary" @click=${() => this.retry()}>Retry every failed job</button>
      </div>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${
        !page
          ? html`<p role="status">${this.loading ? 'Loading…' : ''}</p>`
          : html`${pager('Job', { ...page, shown: page.jobs.length }, (offset) => this.go(offset))}
              <div class="table-wrap">
                <table>
                  <caption>
                    Forwarding jobs (${this.status})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Address</th>
                      <th scope="col">Service and list</th>
                      <th scope="col">Action</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="n">Attempts</th>
                      <th scope="col">Service's message</th>
                      <th scope="col">Next attempt</th>
                      <th scope="col">Retry</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${
                      page.jobs.length === 0
                        ? html`<tr>
                            <td colspan="8">No ${this.status === 'all' ? '' : `${this.status} `}jobs.</td>
                          </tr>`
                        : page.jobs.map(
                            (j) =>
                              html`<tr>
                                <th scope="row">${j.email}</th>
                                <td>
                                  ${j.forwarder && j.forwarder !== j.service ? `${j.forwarder} (${j.service})` : j.service}
                                  · ${j.list || '(default list)'}
                                </td>
                                <td>${j.action}</td>
                                <td>${j.status}</td>
                                <td class="n">${count(j.attempts)}</td>
                                <td>${j.lastError ?? '—'}</td>
                                <td>${dateTime(j.nextAttemptAt)}</td>
                                <td>
                                  ${
                                    j.status === 'failed'
                                      ? html`<button type="button" @click=${() => this.retry(j.id)}>
                                          Retry<span class="visually-hidden"> ${j.email}</span>
                                        </button>`
                                      : ''
                                  }
                                </td>
                              </tr>`,
                          )
                    }
                  </tbody>
                </table>
              </div>`
      }
    `;
  }
}
