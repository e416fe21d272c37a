import type { ServiceDefinition } from '../types.js';
import { beehiiv } from './beehiiv.js';
import { buttondown } from './buttondown.js';
import { ghost } from './ghost.js';
import { kit } from './kit.js';
import { listmonk } from './listmonk.js';
import { mailchimp } from './mailchimp.js';
import { mailerlite } from './mailerlite.js';
import { webhook } from './webhook.js';

export const SERVICES: ReadonlyMap<string, ServiceDefinition> = new Map(
  [buttondown, kit, mailchimp, beehiiv, mailerlite, listmonk, ghost, webhook].map((s) => [s.service, s]),
);
