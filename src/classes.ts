// Every class and type, without registering any tag: for subclassing or registering under another name.
export { LedeElement } from './core/base-element.js';
export { define } from './core/define.js';
export type { LedeErrorDetail, LedeErrorCode, LedeErrorEvent } from './core/events.js';
export { LedeKeyPoints } from './key-points/key-points.js';
export type { KeyPoint, KeyPointsStrings, KeyPointsSource } from './key-points/key-points.js';
export { LedeScenarios } from './scenarios/scenarios.js';
export type { Scenario, ScenariosStrings, ScenariosSource, VoteStatus, LedeVoteDetail, LedeVotedDetail } from './scenarios/scenarios.js';
