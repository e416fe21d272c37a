import '../src/index.js';

// The theme picker shows every element in light, dark, or the page's own colours.
const picker = document.querySelector<HTMLSelectElement>('#theme-picker');
picker?.addEventListener('change', () => {
  const theme = picker.value;
  document.documentElement.dataset.theme = theme;
  for (const element of document.querySelectorAll('main > [theme], main > *')) {
    if (!element.localName.startsWith('lede-')) continue;
    if (theme) element.setAttribute('theme', theme);
    else element.removeAttribute('theme');
  }
});

document.addEventListener('lede-error', (event) => {
  console.info('lede-error', event.detail);
});

// Demo only: script the local endpoint's next answers to signups, to show every path of
// <lede-newsletter>, and log its events.
const faults: Record<string, object[]> = {
  slow: [{ delay: 3000 }],
  refuse: [{ status: 400, body: { error: 'This address is on the blocklist.' } }],
  flaky: [{ status: 500 }, { status: 500 }],
  down: Array.from({ length: 4 }, () => ({ status: 503 })),
};
const log = document.querySelector<HTMLOListElement>('#demo-log');
const note = (line: string) => {
  const entry = document.createElement('li');
  entry.textContent = line;
  log?.prepend(entry);
  while (log && log.children.length > 20) log.lastElementChild!.remove();
};
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-fault]')) {
  button.addEventListener('click', async () => {
    await fetch('/api/__faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'signup', faults: faults[button.dataset.fault!] }),
    });
    note(`endpoint: next signup answers scripted (${button.textContent})`);
  });
}
// The outbox sends saved signups on the browser's "online" event; this replays it.
document.querySelector('#demo-online')?.addEventListener('click', () => dispatchEvent(new Event('online')));
for (const type of ['lede-subscribe', 'lede-subscribed', 'lede-error'] as const) {
  document.addEventListener(type, (event) => note(`${type} ${JSON.stringify((event as CustomEvent).detail)}`));
}
