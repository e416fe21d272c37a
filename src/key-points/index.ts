import { define } from '../core/define.js';
import { LedeKeyPoints } from './key-points.js';

export { LedeKeyPoints } from './key-points.js';
export type { KeyPoint, KeyPointsStrings, KeyPointsSource } from './key-points.js';

define('lede-key-points', LedeKeyPoints);

declare global {
  interface HTMLElementTagNameMap {
    'lede-key-points': LedeKeyPoints;
  }
}
