import { createServer } from 'node:net';
import { startStandInService } from '../../demo/stand-in-service.mjs';

/** A loopback URL where nothing listens: a port that was free a moment ago, now closed again. */
async function closedPortUrl() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * Starts the stand-in email service on a second loopback origin for the browser tests; the
 * command `lede-stand-in` answers `{ origin, down }` (`down`: an origin where nothing answers).
 */
export function standInServicePlugin() {
  let service;
  let down;
  return {
    name: 'lede-stand-in-service',
    async serverStart() {
      service = await startStandInService();
      down = await closedPortUrl();
    },
    async serverStop() {
      await service?.close();
    },
    executeCommand({ command }) {
      if (command !== 'lede-stand-in') return undefined;
      return { origin: service.url, down };
    },
  };
}
