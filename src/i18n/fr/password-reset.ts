export const passwordReset = {
} as const;
