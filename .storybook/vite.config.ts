import { defineConfig } from 'vite';

// Storybook gets its own small Vite config: the project's builds a library, not an app. The stories'
// network is msw (./network.ts), the same in `storybook dev` and the static build.
export default defineConfig({});
