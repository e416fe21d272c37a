// A test-runner command that takes the test page's tab offline for `duration` ms, the way DevTools
// does: navigator.onLine changes, `offline` and `online` fire, and fetches fail meanwhile.
export function networkCommandPlugin() {
  return {
    name: 'lede-network-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'lede-go-offline') return undefined;
      const page = session.browser.getPage(session.id);
      const client = await page.createCDPSession();
      const conditions = (offline) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await client.send('Network.enable');
      await client.send('Network.emulateNetworkConditions', conditions(true));
      // The page cannot ask to come back online while it is offline (the command channel is
      // offline too), so the server ends the outage itself after `duration` ms.
      setTimeout(
        () => void client.send('Network.emulateNetworkConditions', conditions(false)).catch(() => {}),
        payload?.duration ?? 500,
      );
      return true;
    },
  };
}
