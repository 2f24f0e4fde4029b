import { z } from 'zod';

/** The items of a comma-separated value, trimmed, empty ones dropped. */
export const commaItems = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** A comma-separated environment variable whose items are each checked by `item`. */
export const commaSeparated = <T extends z.ZodType<unknown, string>>(item: T) =>
  z.string().transform(commaItems).pipe(z.array(item));
