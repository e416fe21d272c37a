import { html } from 'lit';
import { dateTime } from '../format.js';
import { pager } from '../pager.js';
import { AdminView } from '../view-base.js';
import type { Overview, Subscriber, SubscriberPage } from './types.js';

const PAGE = 25;

/** Search, filter and page the subscribers; each one's consent record; erase with a confirmation; export the filter. */
export class SubscribersView extends AdminView {
  static override properties = {
    ...AdminView.properties,
    page: { state: true },
    lists: { state: true },
    confirming: { state: true },
    notice: { state: true },
  };

  declare page: SubscriberPage | undefined;
  declare lists: string[];
  /** The address whose erasure waits for the second click. */
  declare confirming: string | undefined;
  declare notice: string | undefined;
  private filter = { q: '', list: '', status: '' };
  private offset = 0;

  constructor() {
    super();
    this.lists = [];
  }

  protected override async load(): Promise<void> {
    const [overview] = await Promise.all([this.api!.get<Overview>('v1/admin/overview?days=1'), this.fetchPage()]);
    this.lists = overview.lists.map((l) => l.list);
  }

  private query(extra: Record<string, string> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...this.filter, ...extra })) if (value !== '') params.set(key, value);
    return params.toString();
  }

  private async fetchPage(): Promise<void> {
    this.page = await this.api!.get<SubscriberPage>(
      `v1/admin/subscribers/search?${this.query({ limit: String(PAGE), offset: String(this.offset) })}`,
    );
  }

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = {
      q: String(data.get('q') ?? ''),
      list: String(data.get('list') ?? ''),
      status: String(data.get('status') ?? ''),
    };
    this.offset = 0;
    this.notice = undefined;
    void this.run(() => this.fetchPage());
  }

  private go(offset: number): void {
    this.offset = offset;
    void this.run(() => this.fetchPage());
  }

  private async erase(email: string): Promise<void> {
    await this.run(async () => {
      await this.api!.send('DELETE', `v1/admin/subscribers?email=${encodeURIComponent(email)}`);
      this.confirming = undefined;
      this.notice = `${email} was erased: its subscriber records, queued mails and logs are gone.`;
      await this.fetchPage();
    });
    this.renderRoot.querySelector<HTMLElement>('.notice')?.focus();
  }

  private askErase(email: string): void {
    this.confirming = email;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm-erase]')?.focus());
  }

  private cancelErase(email: string): void {
    this.confirming = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-erase="${CSS.escape(email)}"]`)?.focus(),
    );
  }

  private async download(format: 'csv' | 'json'): Promise<void> {
    await this.run(async () => {
      const response = await this.api!.fetch(`v1/admin/subscribers?${this.query({ format })}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `subscribers.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  override render() {
    const page = this.page;
    return html`
      <h2 tabindex="-1">Subscribers</h2>
      <form role="search" class="row card" @submit=${this.search}>
        <label>Address contains <input name="q" type="search" autocomplete="off" .value=${this.filter.q} /></label>
        <label
          >List
          <select name="list">
            <option value="">All lists</option>
            ${this.lists.map(
              (l) => html`<option value=${l} ?selected=${this.filter.list === l}>${l || '(default list)'}</option>`,
            )}
          </select>
        </label>
        <label
          >Status
          <select name="status">
            <option value="">Any status</option>
            ${['pending', 'confirmed', 'unsubscribed'].map(
              (s) => html`<option value=${s} ?selected=${this.filter.status === s}>${s}</option>`,
            )}
          </select>
        </label>
        <button type="submit" class="primary">Search</button>
      </form>
      <div class="row">
        <button type="button" @click=${() => this.download('csv')}>Export CSV</button>
        <button type="button" @click=${() => this.download('json')}>Export JSON</button>
        <span class="muted">(what the filter shows, every page)</span>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.notice ? html`<p class="ok notice" role="status" tabindex="-1">${this.notice}</p>` : ''}
      ${page ? this.renderPage(page) : html`<p role="status">${this.loading ? 'Loading…' : ''}</p>`}
    `;
  }

  private renderPage(page: SubscriberPage) {
    return html`
      ${pager('Subscriber', { ...page, shown: page.subscribers.length }, (offset) => this.go(offset))}
      <div class="table-wrap">
        <table>
          <caption>
            Subscribers, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">List</th>
              <th scope="col">Status</th>
              <th scope="col">Signed up</th>
              <th scope="col">Consent</th>
              <th scope="col">Erase</th>
            </tr>
          </thead>
          <tbody>
            ${
              page.subscribers.length === 0
                ? html`<tr>
                    <td colspan="6">No subscriber matches.</td>
                  </tr>`
                : page.subscribers.map((s) => this.renderRow(s))
            }
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(s: Subscriber) {
    const key = `${s.email}\u0000${s.list ?? ''}`;
    return html`<tr data-row=${key}>
      <th scope="row">${s.email}${s.name ? html`<br /><span class="muted">${s.name}</span>` : ''}</th>
      <td>${s.list || '(default list)'}</td>
      <td>${s.status}</td>
      <td>${dateTime(s.createdAt)}</td>
      <td>
        ${
          s.consent
            ? html`<details>
                <summary>Consent record</summary>
                <dl class="consent">
                  <dt>Wording agreed to</dt>
                  <dd>${s.consent.text || '—'}</dd>
                  <dt>When</dt>
                  <dd>${dateTime(s.consent.at)}</dd>
                  <dt>Page</dt>
                  <dd>${s.consent.source || '—'}</dd>
                  <dt>Confirmed</dt>
                  <dd>${dateTime(s.confirmedAt)}</dd>
                  ${
                    s.unsubscribedAt
                      ? html`<dt>Unsubscribed</dt>
                          <dd>${dateTime(s.unsubscribedAt)}</dd>`
                      : ''
                  }
                </dl>
              </details>`
            : html`<span class="muted">none recorded</span>`
        }
      </td>
      <td>
        ${
          this.confirming === s.email
            ? html`<div role="group" aria-label="Confirm erasure of ${s.email}">
                <p>Erase ${s.email} from every list? This cannot be undone.</p>
                <button type="button" class="danger" data-confirm-erase @click=${() => this.erase(s.email)}>
                  Erase for good
                </button>
                <button type="button" @click=${() => this.cancelErase(s.email)}>Cancel</button>
              </div>`
            : html`<button
                type="button"
                class="danger"
                data-erase=${s.email}
                aria-label="Erase ${s.email}"
                @click=${() => this.askErase(s.email)}
              >
                Erase…
              </button>`
        }
      </td>
    </tr>`;
  }
}
