import { html } from 'lit';
import { bar, lineChart, sharePercent } from '../charts.js';
import { count } from '../format.js';
import { pager } from '../pager.js';
import { AdminView } from '../view-base.js';
import type { PredictionArticle, PredictionDays, PredictionPage } from './types.js';

const PAGE = 10;

/** Per article: the votes per scenario as bars with percentages, its readers, and its votes over time on request. */
export class PredictionsView extends AdminView {
  static override properties = {
    ...AdminView.properties,
    page: { state: true },
    history: { state: true },
  };

  declare page: PredictionPage | undefined;
  declare history: Map<string, PredictionDays>;
  private offset = 0;

  constructor() {
    super();
    this.history = new Map();
  }

  protected override async load(): Promise<void> {
    this.page = await this.api!.get<PredictionPage>(`v1/admin/predictions?limit=${PAGE}&offset=${this.offset}`);
  }

  private go(offset: number): void {
    this.offset = offset;
    void this.run(() => this.load());
  }

  private showHistory(articleId: string): void {
    void this.run(async () => {
      const days = await this.api!.get<PredictionDays>(
        `v1/admin/predictions/days?days=30&articleId=${encodeURIComponent(articleId)}`,
      );
      this.history = new Map(this.history).set(articleId, days);
    });
  }

  override render() {
    const page = this.page;
    return html`
      <h2 tabindex="-1">Predictions</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${
        !page
          ? html`<p role="status">${this.loading ? 'Loading…' : ''}</p>`
          : page.articles.length === 0 && page.offset === 0
            ? html`<p>No reader has voted on a prediction yet.</p>`
            : html`${pager('Article', { ...page, shown: page.articles.length }, (offset) => this.go(offset))}
              ${page.articles.map((a, i) => this.renderArticle(a, i))}`
      }
    `;
  }

  private renderArticle(a: PredictionArticle, index: number) {
    const id = `article-${index}`;
    const lead = a.scenarios[0];
    const history = this.history.get(a.articleId);
    return html`<section class="card" aria-labelledby="${id}">
      <h3 id="${id}">${a.articleId}</h3>
      <p>
        ${count(a.readers)} ${a.readers === 1 ? 'reader' : 'readers'} voted.
        ${lead ? `Most (${sharePercent(lead.votes, a.readers)}) chose “${lead.scenarioId}”.` : ''}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            Votes per scenario on ${a.articleId}
          </caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col" class="n">Votes</th>
              <th scope="col" class="n">Share</th>
              <th scope="col"><span class="visually-hidden">Bar</span></th>
            </tr>
          </thead>
          <tbody>
            ${a.scenarios.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.scenarioId}</th>
                  <td class="n">${count(s.votes)}</td>
                  <td class="n">${sharePercent(s.votes, a.readers)}</td>
                  <td>${bar(s.votes, a.readers)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        history
          ? lineChart(
              `${id}-days`,
              `Votes per day on ${a.articleId}`,
              history.days.map((d) => ({ day: d.day, value: Object.values(d.votes).reduce((x, y) => x + y, 0) })),
              'votes',
            )
          : html`<button type="button" @click=${() => this.showHistory(a.articleId)}>
              Show votes over time<span class="visually-hidden"> on ${a.articleId}</span>
            </button>`
      }
    </section>`;
  }
}
