import { launchChromium } from '@tidemark/testkit';
import { describe, expect, it } from 'vitest';
import { endToEndCases, useStack } from './support/e2e-suite';

describe('embedded mode (in-process bus, PGlite, chDB)', () => {
  const stack = useStack(() => Promise.resolve({}), { web: true });
  endToEndCases(stack);

  it('shows a new trade appear live in the dashboard', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(stack.running.urls.web!);
      await page
        .getByTestId('feed-status')
        .filter({ hasText: 'live' })
        .waitFor({ timeout: 30_000 });
      await page
        .locator('[data-testid="chain-row"][data-chain-id="31337"]')
        .waitFor({ timeout: 30_000 });
      const before = new Set(
        await page
          .getByTestId('trade-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trade-id'))),
      );
      const fresh = await page.waitForFunction(
        (known) =>
          [...document.querySelectorAll('[data-testid="trade-row"]')]
            .map((r) => r.getAttribute('data-trade-id'))
            .find((id) => id && !known.includes(id)),
        [...before],
        { timeout: 30_000 },
      );
      expect(await fresh.jsonValue()).toMatch(/^3133[78]:0x[0-9a-f]{64}:0x[0-9a-f]{64}:\d+$/);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
