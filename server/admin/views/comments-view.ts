import { html } from 'lit';
import { isMissing } from '../api.js';
import { count, dateTime } from '../format.js';
import { pager } from '../pager.js';
import { AdminView } from '../view-base.js';
import type { CommentArticle } from './types.js';

const PAGE = 50;

/** Comment counts per article and where each comes from (`GET /v1/admin/comments`). */
export class CommentsView extends AdminView {
  static override properties = {
    ...AdminView.properties,
    page: { state: true },
    missing: { state: true },
  };

  declare page: { articles: CommentArticle[]; total: number; limit: number; offset: number } | undefined;
  declare missing: boolean;
  private offset = 0;

  constructor() {
    super();
    this.missing = false;
  }

  protected override async load(): Promise<void> {
    try {
      const answer = await this.api!.get<{ articles: CommentArticle[]; total: number }>(
        `v1/admin/comments?limit=${PAGE}&offset=${this.offset}`,
      );
      this.page = { ...answer, limit: PAGE, offset: this.offset };
    } catch (error) {
      if (!isMissing(error)) throw error;
      this.missing = true;
    }
  }

  private go(offset: number): void {
    this.offset = offset;
    void this.run(() => this.load());
  }

  override render() {
    const page = this.page;
    return html`
      <h2 tabindex="-1">Comments</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${
        this.missing
          ? html`<p class="card" data-state="unsupported">
              This lede-server has no comment-count admin route (<code>GET /v1/admin/comments</code>) yet: update
              lede-server to see comment counts per article and their sources here.
            </p>`
          : !page
            ? html`<p role="status">${this.loading ? 'Loading…' : ''}</p>`
            : page.articles.length === 0 && page.offset === 0
              ? html`<p>No article has a comment count yet.</p>`
              : this.renderPage(page)
      }
    `;
  }

  private renderPage(page: NonNullable<CommentsView['page']>) {
    const sources = new Map<string, number>();
    for (const a of page.articles) sources.set(a.source, (sources.get(a.source) ?? 0) + 1);
    const stale = page.articles.filter((a) => a.stale).length;
    return html`
      <p>
        ${count(page.total)} ${page.total === 1 ? 'article has' : 'articles have'} a comment count. On this page:
        ${[...sources].map(([s, n]) => `${count(n)} from ${s}`).join(', ')}${
          stale ? `; ${count(stale)} not refreshed recently` : ''
        }.
      </p>
      ${pager('Comment count', { ...page, shown: page.articles.length }, (offset) => this.go(offset))}
      <div class="table-wrap">
        <table>
          <caption>
            Comment counts per article
          </caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col" class="n">Comments</th>
              <th scope="col">Source</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            ${page.articles.map(
              (a) =>
                html`<tr>
                  <th scope="row">${a.articleId}</th>
                  <td class="n">${count(a.count)}</td>
                  <td>${a.source}</td>
                  <td>${dateTime(a.updatedAt)}${a.stale ? html` <span class="muted">(stale)</span>` : ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}
