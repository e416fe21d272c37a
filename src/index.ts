// Registers every Lede element and exports their classes and types.
//
// The order only decides where each module sits in the script-tag bundle (registering is
// synchronous and no element needs another one defined first): DOMPurify (through the
// sanitizer, which has no side effects) first, so that Lit and all of Lede's own code sit
// together within gzip's 32 KB window, then the elements in the order that compresses best.
// Together about 0.3 KB of dist/lede.js (gzip) against DOMPurify in the middle.
import './core/sanitize.js';
import './article/index.js';
import './story/index.js';
import './newsletter/index.js';
import './scenarios/index.js';
import './comment-prompt/index.js';
import './key-points/index.js';
import './comment-count/index.js';

export * from './classes.js';
/** Forgets every signup and vote waiting on this device (for a "forget this device" link). */
export { clearOutbox } from './core/outbox.js';
