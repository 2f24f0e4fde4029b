import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';

describe('launchChromium', () => {
  it('renders a page in headless Debian Chromium', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<main><p data-testid="probe">1,234</p></main>');
      expect(await page.getByTestId('probe').textContent()).toBe('1,234');
    } finally {
      await browser.close();
    }
  }, 30_000);
});
