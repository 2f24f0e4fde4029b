import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { failureLine } from './failure-line';

describe('failureLine', () => {
  it('prints a bad setting as the one configuration error line', () => {
    const error = new ConfigError('LOG_LEVEL', 'expected one of fatal, error (got "loud")');
    expect(failureLine(error)).toBe(
      'tidemark: configuration error: LOG_LEVEL: expected one of fatal, error (got "loud")',
    );
    expect(failureLine(new ConfigError('X', 'first\n  second'))).toBe(
      'tidemark: configuration error: X: first second',
    );
  });

  it('prints any other failure as its first line, without a stack trace', () => {
    const error = new Error('DATABASE_URL: cannot connect\n    at somewhere');
    expect(failureLine(error)).toBe('tidemark: DATABASE_URL: cannot connect');
    expect(failureLine('plain')).toBe('tidemark: plain');
  });
});
