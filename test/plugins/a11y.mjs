// Test-runner commands that reach the DevTools protocol of the test page's tab, for what a page
// cannot see of itself: the accessibility tree a screen reader gets, and media features of the
// reader's system (dark mode, forced colours) that only the browser can change.

/** The properties of an accessibility node that tests read, flattened. */
function flatten(node) {
  const properties = Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value]));
  return {
    role: node.role?.value ?? '',
    name: node.name?.value ?? '',
    description: node.description?.value ?? '',
    ignored: !!node.ignored,
    ...properties,
  };
}

export function a11yCommandPlugin() {
  const clients = new Map();
  const cdp = async (session) => {
    if (!clients.has(session.id)) {
      const page = session.browser.getPage(session.id);
      clients.set(session.id, await page.createCDPSession());
    }
    return clients.get(session.id);
  };
  return {
    name: 'lede-a11y-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'lede-emulate-media') {
        // payload: { 'prefers-color-scheme'?: 'light' | 'dark', 'forced-colors'?: 'active' | 'none', ... }
        const features = Object.entries(payload ?? {}).map(([name, value]) => ({ name, value: String(value) }));
        await (await cdp(session)).send('Emulation.setEmulatedMedia', { features });
        return true;
      }
      if (command === 'lede-ax-tree') {
        // The accessibility tree of the whole page (shadow roots included), ignored nodes left out.
        const client = await cdp(session);
        await client.send('Accessibility.enable');
        const { nodes } = await client.send('Accessibility.getFullAXTree');
        // In reading order: depth first from the root (the protocol's list is in no set order).
        const byId = new Map(nodes.map((node) => [node.nodeId, node]));
        const ordered = [];
        const visit = (node) => {
          if (!node) return;
          ordered.push(node);
          for (const id of node.childIds ?? []) visit(byId.get(id));
        };
        for (const root of nodes.filter((node) => !node.parentId || !byId.has(node.parentId))) visit(root);
        return ordered.filter((node) => !node.ignored).map(flatten);
      }
      return undefined;
    },
  };
}
