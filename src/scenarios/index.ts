import { define } from '../core/define.js';
import { LedeScenarios } from './scenarios.js';

export { LedeScenarios } from './scenarios.js';
export type {
  Scenario,
  ScenariosStrings,
  ScenariosSource,
  VoteStatus,
  LedeVoteDetail,
  LedeVotedDetail,
} from './scenarios.js';

define('lede-scenarios', LedeScenarios);

declare global {
  interface HTMLElementTagNameMap {
    'lede-scenarios': LedeScenarios;
  }
}
