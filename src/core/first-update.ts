/**
 * Spreads the first renders of many elements over several tasks, so that a page full of Lede
 * elements never holds the main thread for long (a reader's tap waits for the task in progress).
 * An element's first update runs at once while the current slice of time lasts; after that it
 * waits for a later task, where visible elements go first. Later updates are never delayed.
 */

/** How long one task may spend on first renders before it yields. */
const SLICE_MS = 8;

interface Waiting {
  element: Element;
  update: () => unknown;
  done: (value: unknown) => void;
  fail: (error: unknown) => void;
}

const waiting: Waiting[] = [];
/** When the current slice ends; -1 when no slice is open (the next first render opens one). */
let sliceEnd = -1;
let draining = false;

const now = () => performance.now();

/** Ends the open slice when the task that opened it is over. */
function openSlice(): void {
  sliceEnd = now() + SLICE_MS;
  setTimeout(() => (sliceEnd = -1));
}

/** A task of its own: `scheduler.yield`-like, through a message channel (no 4 ms timer clamp). */
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
function nextTask(run: () => void): void {
  if (!channel) return void setTimeout(run);
  channel.port1.onmessage = run;
  channel.port2.postMessage(undefined);
}

/** Whether an element was in the viewport when first looked at: read once, so that later slices force no layout. */
const visibility = new WeakMap<Element, boolean>();
function inViewport(element: Element): boolean {
  let visible = visibility.get(element);
  if (visible === undefined) {
    const { top, bottom } = element.getBoundingClientRect();
    visibility.set(element, (visible = element.isConnected && bottom >= 0 && top <= innerHeight));
  }
  return visible;
}

function drain(): void {
  openSlice();
  // The visible ones first, the rest in document order (one layout read, on the first slice).
  const visible = new Set(waiting.filter((w) => inViewport(w.element)));
  const order = [...waiting.filter((w) => visible.has(w)), ...waiting.filter((w) => !visible.has(w))];
  waiting.length = 0;
  while (order.length && now() < sliceEnd) {
    const item = order.shift()!;
    try {
      item.done(item.update());
    } catch (error) {
      item.fail(error);
    }
  }
  waiting.unshift(...order);
  if (waiting.length) nextTask(drain);
  else draining = false;
}

/** Whether first renders are waiting for a later task. */
export const firstUpdatesWaiting = (): boolean => draining;

/**
 * Runs an element's first `update` now, or later in a task of its own; resolves with what it
 * returned. What Lit's `scheduleUpdate` may return: nothing when it ran, else a promise.
 */
export function firstUpdate(element: Element, update: () => unknown): unknown {
  if (sliceEnd < 0) openSlice();
  if (!draining && now() < sliceEnd) return update();
  return new Promise((done, fail) => {
    waiting.push({ element, update, done, fail });
    if (!draining) {
      draining = true;
      nextTask(drain);
    }
  });
}
