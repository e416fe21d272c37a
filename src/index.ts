// Registers every Lede element and exports their classes and types.
import './article/index.js';
import './key-points/index.js';
import './scenarios/index.js';
import './comment-prompt/index.js';
import './newsletter/index.js';
import './story/index.js';

export * from './classes.js';
