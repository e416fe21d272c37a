// Registers every Lede element and exports their classes and types.

// DOMPurify (through the sanitizer, which has no side effects) comes first in the script-tag
// bundle: Lit and all of Lede's own code then sit together within gzip's 32 KB window, which
// makes dist/lede.js about 0.2 KB smaller than with DOMPurify between them.
import './core/sanitize.js';
import './article/index.js';
import './key-points/index.js';
import './scenarios/index.js';
import './comment-prompt/index.js';
import './newsletter/index.js';
import './story/index.js';

export * from './classes.js';
