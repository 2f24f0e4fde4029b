import { describe, expect, it } from 'vitest';
import { isCurrentPage } from './current-page';

describe('isCurrentPage', () => {
  it('matches the root entry on the root only', () => {
    expect(isCurrentPage('/', '/')).toBe(true);
    expect(isCurrentPage('/alerts', '/')).toBe(false);
  });

  it('matches an entry and the pages below it, not a longer sibling name', () => {
    expect(isCurrentPage('/alerts', '/alerts')).toBe(true);
    expect(isCurrentPage('/alerts/new', '/alerts')).toBe(true);
    expect(isCurrentPage('/alerts/new', '/alerts/')).toBe(true);
    expect(isCurrentPage('/alertsx', '/alerts')).toBe(false);
  });
});
