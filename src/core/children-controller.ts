import type { ReactiveControllerHost } from 'lit';
import { LedeController } from './controller.js';
import { options } from './own.js';

/**
 * Watches an element's light-DOM children (the progressive-enhancement markup) and asks the host
 * to update when a CMS or script changes them after upgrade. `version` changes with every change,
 * so a host can re-parse only when it must.
 */
export class ChildrenController extends LedeController {
  version = 0;
  #observer?: MutationObserver;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    super();
    (this.#host = host).addController(this);
  }

  override hostConnected(): void {
    this.#observer ??= new MutationObserver(() => {
      this.version++;
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host, options({ childList: true, subtree: true, characterData: true }));
    this.version++;
  }

  override hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
