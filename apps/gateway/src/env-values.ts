import { z } from 'zod';

/** A comma-separated environment variable: items trimmed, empty ones dropped, each checked by `item`. */
export const commaSeparated = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .pipe(z.array(item));
