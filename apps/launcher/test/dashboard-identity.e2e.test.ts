import { eventually, launchChromium } from '@tidemark/testkit';
import { getAddress } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { parseSiweMessage } from 'viem/siwe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useStack } from './support/e2e-suite';
import { graphql } from './support/graphql';
import { injectWallet, type Page } from './support/injected-wallet';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

const CHAIN_ID = 31337;
const shortened = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

describe('the dashboard: wallet sign-in, watchlist and API keys in a real browser', () => {
  const stack = useStack(() => Promise.resolve({}), { web: true });
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The pool of chain 31337 that traded most among the newest trades: live trades come soon. */
  const busyPool = () =>
    eventually(
      'trades on chain 31337',
      async () => {
        const data = await graphql<{ trades: { edges: { node: { pool: string } }[] } }>(
          stack.running.urls.gateway,
          'query($c: Int) { trades(filter: { chainId: $c }, first: 50) { edges { node { pool } } } }',
          { c: CHAIN_ID },
        );
        const counts = new Map<string, number>();
        for (const { node } of data.trades.edges)
          counts.set(node.pool, (counts.get(node.pool) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

  /** A fresh context (its own cookie jar) with a wallet of a new account, signed in. */
  async function signedInPage() {
    const context = await browser.newContext();
    const page = await context.newPage();
    const account = privateKeyToAccount(generatePrivateKey());
    const wallet = await injectWallet(page, account, CHAIN_ID);
    await page.goto(stack.running.urls.web!);
    await page.getByTestId('sign-in-button').click();
    await page.getByTestId('account-address').waitFor({ timeout: 30_000 });
    return { context, page, account, wallet };
  }

  async function follow(page: Page, pool: string, label: string) {
    await page.locator(`[data-testid="watchlist-chain"] option[value="${CHAIN_ID}"]`).waitFor({
      state: 'attached',
      timeout: 30_000,
    });
    await page.getByTestId('watchlist-chain').selectOption(String(CHAIN_ID));
    await page.getByTestId('watchlist-kind').selectOption('POOL');
    await page.getByTestId('watchlist-address').fill(pool);
    await page.getByTestId('watchlist-label').fill(label);
    await page.getByTestId('watchlist-add').click();
    const row = page.locator(`[data-testid="watchlist-row"][data-address="${pool}"]`);
    await row.waitFor({ timeout: 15_000 });
    return row;
  }

  it('says clearly when there is no wallet, when the user rejects and when the gateway refuses', async () => {
    const context = await browser.newContext();
    try {
      const bare = await context.newPage();
      await bare.goto(stack.running.urls.web!);
      await bare.getByTestId('sign-in-button').click();
      await bare
        .getByTestId('account-problem')
        .filter({ hasText: 'No Ethereum wallet found in this browser' })
        .waitFor({ timeout: 15_000 });

      const page = await context.newPage();
      const wallet = await injectWallet(page, privateKeyToAccount(generatePrivateKey()), CHAIN_ID);
      wallet.rejectNextSignature();
      await page.goto(stack.running.urls.web!);
      await page.getByTestId('sign-in-button').click();
      await page
        .getByTestId('account-problem')
        .filter({ hasText: 'You rejected the request in your wallet' })
        .waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('account-address').count()).toBe(0);
      expect(await page.getByTestId('signed-out-hint').isVisible()).toBe(true);

      // A signature by another key: the gateway refuses, and its own words are shown.
      wallet.forgeNextSignature();
      await page.getByTestId('sign-in-button').click();
      await page
        .getByTestId('account-problem')
        .filter({ hasText: /^Sign-in refused: .*signature/ })
        .waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('account-address').count()).toBe(0);
      // Trying again with a proper signature works.
      await page.getByTestId('sign-in-button').click();
      await page.getByTestId('account-address').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('account-problem').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('signs in, follows a pool live, creates an API key shown once, revokes it and signs out', async () => {
    const pool = await busyPool();
    const { context, page, account, wallet } = await signedInPage();
    try {
      const address = account.address.toLowerCase();
      const badge = page.getByTestId('account-address');
      expect(await badge.textContent()).toBe(shortened(address));
      expect(await badge.getAttribute('data-address')).toBe(address);
      // The message the wallet signed is EIP-4361 for the gateway's domain, address checksummed.
      const signed = parseSiweMessage(wallet.signed[0]!);
      expect(signed.domain).toBe(new URL(stack.running.urls.gateway).host);
      expect(signed.address).toBe(getAddress(address));
      expect(signed.chainId).toBe(CHAIN_ID);

      // The watchlist: add the pool, see it listed with its figures, then its live trades.
      const row = await follow(page, pool, 'busiest pool');
      expect(await row.textContent()).toContain('busiest pool');
      // The pool has traded, so its 24h figures arrive (the list refreshes every 10 s).
      await row.filter({ hasNotText: 'no trades seen yet' }).waitFor({ timeout: 30_000 });
      const feed = page.getByTestId('watchlist-feed');
      await feed.getByTestId('watchlist-feed-status').filter({ hasText: 'live' }).waitFor();
      const livePool = feed.getByTestId('trade-row').first().locator(`td[title="${pool}"]`);
      await livePool.waitFor({ timeout: 60_000 });
      const pools = await feed
        .getByTestId('trade-row')
        .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.getAttribute('title')));
      expect(new Set(pools)).toEqual(new Set([pool]));

      // A reload keeps the session (the httpOnly cookie) and the watchlist.
      await page.reload();
      await page.locator(`[data-testid="watchlist-row"][data-address="${pool}"]`).waitFor();

      // An API key: its secret shown once, working against the API, then revoked.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('api-key-name').fill('e2e bot');
      await page.getByTestId('api-key-scope-ALERTS_WRITE').check();
      await page.getByTestId('api-key-create').click();
      const secret = (await page.getByTestId('api-key-secret').textContent())!;
      expect(secret).toMatch(/^tmk_[A-Za-z0-9_-]{20,}$/);
      expect(await page.getByTestId('new-api-key').textContent()).toContain(
        'it will not be shown again',
      );
      await page.getByTestId('api-key-copy').click();
      await page.getByTestId('api-key-copy').filter({ hasText: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      const keyRow = page.locator('[data-testid="api-key-row"][data-status="active"]');
      expect(await keyRow.getByTestId('api-key-prefix').textContent()).toBe(
        `${secret.slice(0, 8)}…`,
      );
      expect(await keyRow.textContent()).toContain('READ, ALERTS_WRITE');
      const asKey = () =>
        fetch(stack.running.urls.gateway, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query: '{ viewer { address } }' }),
        });
      expect(await (await asKey()).json()).toEqual({ data: { viewer: { address } } });

      await page.getByTestId('api-key-dismiss').click();
      expect(await page.getByTestId('api-key-secret').count()).toBe(0);
      await page.reload();
      await page.locator('[data-testid="api-key-row"][data-status="active"]').waitFor();
      expect(await page.content()).not.toContain(secret);

      await page.getByTestId('api-key-revoke').click();
      await page.getByTestId('api-key-revoke-confirm').click();
      await page.locator('[data-testid="api-key-row"][data-status="revoked"]').waitFor();
      expect((await asKey()).status).toBe(401);

      // Sign out: the header offers sign-in again, the user's sections go, and stay gone.
      await page.getByTestId('sign-out-button').click();
      await page.getByTestId('sign-in-button').waitFor();
      expect(await page.getByTestId('watchlist-section').count()).toBe(0);
      await page.reload();
      await page.getByTestId('signed-out-hint').waitFor();
      expect(await page.getByTestId('account-address').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 150_000);

  it("does not show one user's watchlist to another account; its owner can remove it", async () => {
    const pool = await busyPool();
    const first = await signedInPage();
    const second = await signedInPage();
    try {
      await follow(first.page, pool, 'mine');
      await second.page
        .getByTestId('watchlist-empty')
        .filter({ hasText: 'You follow no' })
        .waitFor();
      expect(await second.page.getByTestId('watchlist-row').count()).toBe(0);
      expect(await second.page.getByTestId('account-address').getAttribute('data-address')).toBe(
        second.account.address.toLowerCase(),
      );
      // Still there for its owner, after a reload.
      await first.page.reload();
      await first.page.locator(`[data-testid="watchlist-row"][data-address="${pool}"]`).waitFor();
      await second.page.reload();
      await second.page
        .getByTestId('watchlist-empty')
        .filter({ hasText: 'You follow no' })
        .waitFor();
      expect(await second.page.getByTestId('watchlist-row').count()).toBe(0);

      // A typo is caught before sending; removing the entry empties the owner's list for good.
      await first.page.getByTestId('watchlist-address').fill('0x123');
      await first.page.getByTestId('watchlist-add').click();
      await first.page
        .getByTestId('watchlist-form-problem')
        .filter({ hasText: '"0x123" is not an address' })
        .waitFor();
      await first.page.getByTestId('watchlist-remove').click();
      await first.page
        .getByTestId('watchlist-empty')
        .filter({ hasText: 'You follow no' })
        .waitFor();
      await first.page.reload();
      await first.page
        .getByTestId('watchlist-empty')
        .filter({ hasText: 'You follow no' })
        .waitFor();
      expect(await first.page.getByTestId('watchlist-row').count()).toBe(0);
    } finally {
      await Promise.all([first.context.close(), second.context.close()]);
    }
  }, 90_000);
});
