/** One entry of a lead-in list: `<li><strong>Lead-in:</strong> text</li>`. */
export interface LeadInItem {
  title?: string;
  text: string;
}

export interface ParsedList {
  /** Whether the source list was an `<ol>`; undefined when there was no list. */
  ordered?: boolean;
  /** A heading (`h1`–`h6`) found beside the list, used when no heading is set otherwise. */
  heading?: string;
  items: LeadInItem[];
  /** Human-readable problems, each naming the child at fault. */
  problems: string[];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Removes the punctuation that separates a lead-in from its text ("Cost:", "Cost —"). */
const stripSeparator = (text: string): string => collapse(text).replace(/\s*[:：—–-]\s*$/u, '');

function parseItem(li: Element): LeadInItem {
  // The first child that is not white space (a loop, not a spread and a regex per node: 200 lists on a page add up).
  let first = li.firstChild;
  while (first && first.nodeType === Node.TEXT_NODE && !/\S/.test((first as Text).data)) first = first.nextSibling;
  if (first instanceof Element && (first.localName === 'strong' || first.localName === 'b')) {
    const title = stripSeparator(first.textContent!);
    let rest = '';
    for (let node = first.nextSibling; node; node = node.nextSibling) rest += node.textContent!;
    const text = collapse(rest).replace(/^[:：—–-]\s*/u, '');
    return title ? { title, text } : { text };
  }
  return { text: collapse(li.textContent!) };
}

/**
 * Reads the progressive-enhancement markup of a list element: the first `<ul>` or `<ol>` among
 * the host's children, and an optional heading before it. Anything else is reported, not thrown.
 */
export function parseLeadInList(host: Element): ParsedList {
  const result: ParsedList = { items: [], problems: [] };
  // A server renderer (@lit-labs/ssr) gives the host no DOM children to read.
  for (const child of host.children ?? []) {
    if (child.hasAttribute('slot')) continue; // Named-slot content, not list data.
    const tag = child.localName;
    if (/^h[1-6]$/.test(tag)) {
      result.heading ??= collapse(child.textContent!);
    } else if ((tag === 'ul' || tag === 'ol') && result.ordered === undefined) {
      result.ordered = tag === 'ol';
      [...child.children].forEach((li, index) => {
        if (li.localName !== 'li') {
          result.problems.push(`list item ${index + 1} is a <${li.localName}>, not an <li>: skipped`);
          return;
        }
        const item = parseItem(li);
        if (item.text) result.items.push(item);
        else result.problems.push(`list item ${index + 1} has no text: skipped`);
      });
    } else if (!/^(template|script|style)$/.test(tag)) {
      result.problems.push(`<${tag}> is not a heading or a list: ignored`);
    }
  }
  return result;
}
