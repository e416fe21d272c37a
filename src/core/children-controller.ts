import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { options } from './own.js';

/**
 * Watches an element's light-DOM children (the progressive-enhancement markup) and asks the host
 * to update when a CMS or script changes them after upgrade. `version` changes with every change,
 * so a host can re-parse only when it must.
 */
export class ChildrenController implements ReactiveController {
  version = 0;
  #observer?: MutationObserver;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    (this.#host = host).addController(this);
  }

  hostConnected(): void {
    this.#observer ??= new MutationObserver(() => {
      this.version++;
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host, options({ childList: true, subtree: true, characterData: true }));
    this.version++;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
