// What a form sends, checked before sending so a typo gets a precise message at once (the gateway
// checks again and has the last word).

export type FormResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The longest name or label the forms accept, as the gateway does. */
export const MAX_NAME = 100;
