import { executeServerCommand } from '@web/test-runner-commands';

/** One node of the accessibility tree, as Chromium gives it to a screen reader. */
export interface AxNode {
  role: string;
  name: string;
  description: string;
  required?: boolean;
  invalid?: string;
  level?: number;
  focused?: boolean;
  [property: string]: unknown;
}

/** The page's accessibility tree (shadow roots included), from the DevTools protocol. */
export const axTree = () => executeServerCommand<AxNode[], undefined>('lede-ax-tree') as Promise<AxNode[]>;

/** Emulates the reader's system: `{ 'prefers-color-scheme': 'dark', 'forced-colors': 'active' }`; `{}` resets. */
export const emulateMedia = (features: Record<string, string>) => executeServerCommand('lede-emulate-media', features);

type Rgba = [number, number, number, number];

const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour (as computed: rgb(), oklch(), color(srgb …)) as 0–255 sRGB channels and 0–1 alpha. */
export function toRgba(color: string): Rgba {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** `top` painted over the opaque `bottom`. */
const over = ([r, g, b, a]: Rgba, [R, G, B]: Rgba): Rgba => [
  r * a + R * (1 - a),
  g * a + G * (1 - a),
  b * a + B * (1 - a),
  1,
];

/** The parent in the flat tree: the slot an element is assigned to, or a shadow root's host. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The opaque colour behind `element`'s content: every background from the page down to it, composited. */
export function backdrop(element: Element, includeSelf = true): Rgba {
  const chain: Element[] = [];
  for (let e: Element | null = includeSelf ? element : flatParent(element); e; e = flatParent(e)) chain.unshift(e);
  return chain.reduce<Rgba>((below, e) => over(toRgba(getComputedStyle(e).backgroundColor), below), [255, 255, 255, 1]);
}

const luminance = ([r, g, b]: Rgba) => {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};

/** WCAG contrast ratio of `foreground` (composited over `background`) against `background`. */
export function contrast(foreground: string | Rgba, background: Rgba): number {
  const fg = over(typeof foreground === 'string' ? toRgba(foreground) : foreground, background);
  const [light, dark] = [luminance(fg), luminance(background)].sort((a, b) => b - a) as [number, number];
  return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
}

/** Contrast of an element's text against what is behind it. */
export const textContrast = (element: Element) => contrast(getComputedStyle(element).color, backdrop(element));

/** Contrast of an element's outline (a focus ring drawn outside it) against what is behind the element. */
export const outlineContrast = (element: Element) =>
  contrast(getComputedStyle(element).outlineColor, backdrop(element, false));

/** Contrast of an element's start border against what is behind the element. */
export const borderContrast = (element: Element, side = 'inline-start') =>
  contrast(
    getComputedStyle(element).getPropertyValue(`border-${side}-color`) ||
      getComputedStyle(element).borderInlineStartColor,
    backdrop(element, false),
  );
