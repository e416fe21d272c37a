import { css, html, LitElement, type TemplateResult } from 'lit';
import { AdminApi, AdminError, WRONG_TOKEN } from './api.js';
import { shared } from './styles.js';
import { tokenStore } from './token-store.js';
import type { AdminView } from './view-base.js';

const VIEWS = [
  ['overview', 'Overview'],
  ['subscribers', 'Subscribers'],
  ['predictions', 'Predictions'],
  ['comments', 'Comments'],
  ['forwarding', 'Forwarding'],
] as const;
type ViewName = (typeof VIEWS)[number][0];

const THEME_KEY = 'lede-admin-theme';
const readTheme = () => {
  try {
    const theme = localStorage.getItem(THEME_KEY);
    return theme === 'dark' || theme === 'light' ? theme : undefined;
  } catch {
    return undefined;
  }
};
const darkQuery = () => matchMedia('(prefers-color-scheme: dark)');

const viewFromHash = (): ViewName => {
  const name = location.hash.replace(/^#\/?/, '');
  return (VIEWS.find(([v]) => v === name)?.[0] ?? 'overview') as ViewName;
};

/**
 * The dashboard's shell: the token form, then the navigation, the theme toggle and one view at a time (the URL's
 * hash names it, so Back and a reload keep the view; the token never appears in the URL).
 */
export class LedeAdmin extends LitElement {
  static override properties = {
    api: { state: true },
    view: { state: true },
    loginError: { state: true },
    checking: { state: true },
    dark: { state: true },
  };

  declare api: AdminApi | undefined;
  declare view: ViewName;
  declare loginError: string | undefined;
  declare checking: boolean;
  declare dark: boolean;

  constructor() {
    super();
    this.view = viewFromHash();
    this.checking = false;
    const chosen = readTheme();
    this.dark = chosen ? chosen === 'dark' : darkQuery().matches;
    if (chosen) document.documentElement.dataset.theme = chosen;
    const token = tokenStore.get();
    if (token) this.api = this.apiFor(token);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    darkQuery().addEventListener('change', this.onSystemTheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
    darkQuery().removeEventListener('change', this.onSystemTheme);
  }

  /** Without a choice of their own, the toggle shows what the system setting gives. */
  private onSystemTheme = (event: MediaQueryListEvent) => {
    if (!readTheme()) this.dark = event.matches;
  };

  private onHash = () => {
    this.view = viewFromHash();
    void this.updateComplete.then(() => this.renderRoot.querySelector<AdminView>('[data-view]')?.focusHeading());
  };

  private apiFor(token: string): AdminApi {
    return new AdminApi(token, () => this.signOut(WRONG_TOKEN));
  }

  private async logIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token) {
      this.loginError = 'Type the admin token (the ADMIN_TOKEN lede-server was started with).';
      input.focus();
      return;
    }
    this.checking = true;
    this.loginError = undefined;
    const api = new AdminApi(token);
    try {
      await api.get('v1/admin/overview?days=1');
      tokenStore.set(token);
      this.api = this.apiFor(token);
      void this.updateComplete.then(() => this.renderRoot.querySelector<AdminView>('[data-view]')?.focusHeading());
    } catch (error) {
      this.loginError =
        error instanceof AdminError && error.status === 404
          ? 'This server has no admin routes: start lede-server with ADMIN_TOKEN set.'
          : error instanceof AdminError
            ? error.message
            : 'The token could not be checked.';
      await this.updateComplete;
      input.select();
    } finally {
      this.checking = false;
    }
  }

  private signOut(message?: string): void {
    tokenStore.clear();
    this.api = undefined;
    this.loginError = message;
  }

  private toggleTheme(): void {
    this.dark = !this.dark;
    const theme = this.dark ? 'dark' : 'light';
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage off: the choice lasts until the tab reloads.
    }
    document.documentElement.dataset.theme = theme;
  }

  override render() {
    return html`
      <header>
        <h1>Lede dashboard</h1>
        <button type="button" aria-pressed=${this.dark ? 'true' : 'false'} @click=${this.toggleTheme}>Dark mode</button>
        ${this.api ? html`<button type="button" @click=${() => this.signOut()}>Sign out</button>` : ''}
      </header>
      ${this.api ? this.renderDashboard(this.api) : this.renderLogin()}
    `;
  }

  private renderLogin(): TemplateResult {
    return html`<main>
      <form class="card login" @submit=${this.logIn} novalidate>
        <h2>Sign in</h2>
        <p>
          Type the admin token this lede-server was started with (<code>ADMIN_TOKEN</code>). It stays in this tab only
          and is sent to this server only.
        </p>
        <label
          >Admin token
          <input
            name="token"
            type="password"
            autocomplete="off"
            spellcheck="false"
            required
            aria-describedby="login-error"
            ?disabled=${this.checking}
          />
        </label>
        <p id="login-error" class="error" role="alert">${this.loginError ?? ''}</p>
        <button type="submit" class="primary" ?disabled=${this.checking}>
          ${this.checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>`;
  }

  private renderDashboard(api: AdminApi): TemplateResult {
    return html`
      <nav aria-label="Dashboard">
        <ul>
          ${VIEWS.map(
            ([name, label]) =>
              html`<li><a href="#${name}" aria-current=${this.view === name ? 'page' : 'false'}>${label}</a></li>`,
          )}
        </ul>
      </nav>
      <main>${this.renderView(api)}</main>
    `;
  }

  private renderView(api: AdminApi): TemplateResult {
    switch (this.view) {
      case 'subscribers':
        return html`<lede-admin-subscribers data-view .api=${api}></lede-admin-subscribers>`;
      case 'predictions':
        return html`<lede-admin-predictions data-view .api=${api}></lede-admin-predictions>`;
      case 'comments':
        return html`<lede-admin-comments data-view .api=${api}></lede-admin-comments>`;
      case 'forwarding':
        return html`<lede-admin-forwarding data-view .api=${api}></lede-admin-forwarding>`;
      default:
        return html`<lede-admin-overview data-view .api=${api}></lede-admin-overview>`;
    }
  }

  static override styles = [
    shared,
    css`
      :host {
        max-width: 72rem;
        margin: 0 auto;
        padding: 0 1rem 3rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        padding: 1rem 0;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0;
        flex: 1 1 auto;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        padding: 0;
        margin: 0 0 1.5rem;
        border-bottom: 1px solid var(--border);
      }
      nav a {
        display: block;
        padding: 0.5rem 0.9rem;
        text-decoration: none;
        font-weight: 600;
        border-bottom: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        color: var(--fg);
        border-bottom-color: var(--accent);
      }
      .login {
        max-width: 28rem;
      }
      .login input {
        width: 100%;
        box-sizing: border-box;
      }
      #login-error:empty {
        display: none;
      }
    `,
  ];
}
