/** Types of chromium.mjs, for the TypeScript scripts (bench.ts). */
export declare const CHROME: string;
export declare const CHROME_ARGS: string[];
