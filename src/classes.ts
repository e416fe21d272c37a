// Every class and type, without registering any tag: for subclassing or registering under another name.
export { LedeElement } from './core/base-element.js';
export { define } from './core/define.js';
export { registerTranslation } from './core/strings.js';
export type { Strings, Translation } from './core/strings.js';
export type { LedeErrorDetail, LedeErrorCode, LedeErrorEvent, LedeLoadDetail } from './core/events.js';
export { LedeArticle } from './article/article.js';
export type { ArticleStrings } from './article/article.js';
export { LedeKeyPoints } from './key-points/key-points.js';
export type { KeyPoint, KeyPointsStrings, KeyPointsSource } from './key-points/key-points.js';
export { LedeStory } from './story/story.js';
export type { LedeDocument } from './story/story.js';
export { LedeCommentPrompt } from './comment-prompt/comment-prompt.js';
export type {
  CommentPromptStrings,
  LedeShareDetail,
  ShareData,
  ShareNetwork,
} from './comment-prompt/comment-prompt.js';
export { LedeCommentCount } from './comment-count/comment-count.js';
export type { CommentCountStrings } from './comment-count/comment-count.js';
export { LedeNewsletter } from './newsletter/newsletter.js';
export type {
  NewsletterAdapter,
  NewsletterSignup,
  NewsletterStrings,
  NewsletterSubscribedDetail,
} from './newsletter/newsletter.js';
export { isEmail } from './newsletter/email.js';
export type { DeliveryOptions, DeliveryRequest } from './core/delivery.js';
export { LedeScenarios } from './scenarios/scenarios.js';
export type {
  Scenario,
  ScenariosStrings,
  ScenariosSource,
  VoteStatus,
  LedeVoteDetail,
  LedeVotedDetail,
} from './scenarios/scenarios.js';
