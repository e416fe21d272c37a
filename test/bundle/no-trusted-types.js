// Loaded first by the hostile-no-trusted-types pages: the page behaves as in a browser without
// Trusted Types, where a page element with the id `trustedTypes` is what `window.trustedTypes` names.
delete window.trustedTypes;
