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
