// Loaded first by the script-tag test pages: records what would go wrong for a publisher
// (uncaught errors, rejected promises, CSP and Trusted Types violations, lede-error events).
window.__problems = [];
window.addEventListener('error', (event) => window.__problems.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) =>
  window.__problems.push(`unhandled rejection: ${event.reason}`),
);
document.addEventListener('securitypolicyviolation', (event) =>
  window.__problems.push(`CSP: ${event.violatedDirective} blocked ${event.blockedURI || event.sample}`),
);
document.addEventListener('lede-error', (event) =>
  window.__problems.push(`lede-error: ${event.detail && event.detail.message}`),
);
// And Lede's console warnings (a second copy of Lede on the page warns, never throws).
window.__warnings = [];
const warn = console.warn.bind(console);
console.warn = (...args) => {
  window.__warnings.push(args.map(String).join(' '));
  warn(...args);
};
