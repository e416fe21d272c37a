import { defineConfig } from 'vite';
import { createLedeEndpoint } from '../server/endpoint.mjs';
import { seedDemo } from '../demo/seed.mjs';

// Stories that vote, count comments or sign up talk to the same local endpoint as the demo.
export default defineConfig({
  plugins: [
    {
      name: 'lede-endpoint',
      configureServer(server) {
        const endpoint = createLedeEndpoint({ seed: seedDemo });
        server.middlewares.use((req, res, next) => void endpoint(req, res, next));
      },
    },
  ],
});
