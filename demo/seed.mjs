// Demo data for the local endpoint: a few votes and comments, so the demo does not start empty.
export function seedDemo(session) {
  session.votes['lede-demo-ports'] = { 'shared-terminals-new-terms': 41, 'rival-hubs': 27, 'managed-decline': 12 };
  session.comments['lede-demo-ports'] = 23;
}
