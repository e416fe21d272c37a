import { LedeAdmin } from './lede-admin.js';
import { CommentsView } from './views/comments-view.js';
import { ForwardingView } from './views/forwarding-view.js';
import { OverviewView } from './views/overview-view.js';
import { PredictionsView } from './views/predictions-view.js';
import { SubscribersView } from './views/subscribers-view.js';

customElements.define('lede-admin-overview', OverviewView);
customElements.define('lede-admin-subscribers', SubscribersView);
customElements.define('lede-admin-predictions', PredictionsView);
customElements.define('lede-admin-comments', CommentsView);
customElements.define('lede-admin-forwarding', ForwardingView);
customElements.define('lede-admin', LedeAdmin);
