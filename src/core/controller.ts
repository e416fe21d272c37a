import type { ReactiveController } from 'lit';

/**
 * A reactive controller whose four hooks are its own. Lit calls `controller.hostUpdate?.()` (and
 * `hostConnected`, `hostUpdated`, `hostDisconnected`) on every controller: a hook a controller did
 * not define would be read from Object.prototype, and a page's `Object.prototype.hostUpdate = 1`
 * made every update of the element throw. Subclasses override the hooks they need.
 */
export abstract class LedeController implements ReactiveController {
  hostConnected(): void {}
  hostDisconnected(): void {}
  hostUpdate(): void {}
  hostUpdated(): void {}
}
