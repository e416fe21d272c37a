export const DEMO_ARTICLE_ID: string;
export const DEMO_VOTES: Record<string, number>;
export const DEMO_COMMENTS: number;
export function seedLedeServer(server: { url: string; adminToken: string }): Promise<void>;
