import { LitElement, type PropertyValues } from 'lit';
import { AdminError, type AdminApi } from './api.js';
import { shared } from './styles.js';

/** A dashboard view: it gets the API from the shell, loads when it appears, and keeps the last error to show. */
export class AdminView extends LitElement {
  static override styles = [shared];
  static override properties = {
    api: { attribute: false },
    loading: { state: true },
    error: { state: true },
  };

  declare api: AdminApi | undefined;
  declare loading: boolean;
  declare error: string | undefined;

  constructor() {
    super();
    this.loading = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.run(() => this.load());
  }

  /** Fetches what the view shows; override. */
  protected async load(): Promise<void> {}

  /** Runs a request, keeping `loading` and `error` current. */
  protected async run(task: () => Promise<void>): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      await task();
    } catch (error) {
      this.error = error instanceof AdminError ? error.message : 'Something went wrong loading this view.';
    } finally {
      this.loading = false;
    }
  }

  /** Moves focus to the view's heading (after the reader picked this view in the navigation). */
  focusHeading(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }
}
