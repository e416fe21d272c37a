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

// Demo only: log what the elements report, beside the link to the local inbox.
const log = document.querySelector<HTMLOListElement>('#demo-log');
const note = (line: string) => {
  const entry = document.createElement('li');
  entry.textContent = line;
  log?.prepend(entry);
  while (log && log.children.length > 20) log.lastElementChild!.remove();
};
for (const type of ['lede-subscribe', 'lede-subscribed', 'lede-voted', 'lede-error'] as const) {
  document.addEventListener(type, (event) => note(`${type} ${JSON.stringify((event as CustomEvent).detail)}`));
}
