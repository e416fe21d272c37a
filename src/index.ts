// Registers every Lede element and exports their classes and types.
import './key-points/index.js';
import './comment-prompt/index.js';
import './newsletter/index.js';
import './scenarios/index.js';

export * from './classes.js';
