/** Opens one of the generated script-tag pages (test/bundle/pages/) in a frame and resolves with its window. */
export async function openPage<PageWindow extends Window>(name: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/bundle/pages/${name}.html`;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}
