/** Replaced at build time by vite.config.ts. */
declare const __DOORSTEP_BUILD__: string;
