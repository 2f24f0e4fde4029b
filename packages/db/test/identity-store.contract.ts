import type { IdentityStore, OltpStore } from '@tidemark/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const alice = '0x00000000000000000000000000000000000000a1';
const bob = '0x00000000000000000000000000000000000000b2';
const pool = '0x00000000000000000000000000000000000000c3';
const minute = 60_000;
const all = { direction: 'forward', size: 100 } as const;

/** The identity store (`OltpStore.identity`) against one backend; each test opens an empty store. */
export function describeIdentityStoreContract(
  backend: string,
  open: () => Promise<OltpStore>,
): void {
  describe(`IdentityStore on ${backend}`, () => {
    let oltp: OltpStore;
    let store: IdentityStore;
    beforeEach(async () => {
      oltp = await open();
      store = oltp.identity;
    });
    afterEach(async () => {
      await oltp.close();
    });

    it('accepts a nonce once, and never after it expired', async () => {
      const now = new Date();
      await store.createNonce('n-once', new Date(now.getTime() + 10 * minute));
      await store.createNonce('n-old', new Date(now.getTime() + minute));
      expect(await store.consumeNonce('n-once', now)).toBe(true);
      expect(await store.consumeNonce('n-once', now)).toBe(false);
      expect(await store.consumeNonce('n-old', new Date(now.getTime() + 2 * minute))).toBe(false);
      expect(await store.consumeNonce('never-issued', now)).toBe(false);
    });

    it('creates a user on first sign-in and finds the same one after', async () => {
      const first = await store.ensureUser(alice);
      const again = await store.ensureUser(alice);
      expect(again).toEqual(first);
      expect(first.address).toBe(alice);
      expect((await store.ensureUser(bob)).id).not.toBe(first.id);
    });

    it('finds a session until it expires or is revoked', async () => {
      const user = await store.ensureUser(alice);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + 60 * minute);
      await store.createSession({ tokenHash: 'h1', userId: user.id, expiresAt });
      expect(await store.findSession('h1', now)).toEqual(user);
      expect(await store.findSession('h1', new Date(expiresAt.getTime() + 1))).toBeNull();
      expect(await store.findSession('unknown', now)).toBeNull();
      await store.revokeSession('h1', now);
      expect(await store.findSession('h1', now)).toBeNull();
    });

    it('keeps API keys per owner: another user sees, lists and revokes none of them', async () => {
      const a = await store.ensureUser(alice);
      const b = await store.ensureUser(bob);
      const key = await store.createApiKey({
        userId: a.id,
        name: 'ci',
        prefix: 'tmk_abcd',
        secretHash: 'secret-a',
        scopes: ['read', 'alerts:write'],
      });
      expect(key).toMatchObject({ userId: a.id, name: 'ci', scopes: ['read', 'alerts:write'] });
      expect(key.lastUsedAt).toBeNull();
      expect(await store.findApiKey('secret-a')).toEqual({ key, user: a });
      expect(await store.getApiKey(b.id, key.id)).toBeNull();
      expect(await store.revokeApiKey(b.id, key.id, new Date())).toBeNull();
      expect((await store.listApiKeys(b.id, all)).items).toEqual([]);
      expect(await store.isApiKeyActive(key.id)).toBe(true);
      const revokedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const revoked = await store.revokeApiKey(a.id, key.id, revokedAt);
      expect(revoked?.revokedAt).toEqual(revokedAt);
      // Revoking again keeps the first time.
      const later = new Date(revokedAt.getTime() + minute);
      expect((await store.revokeApiKey(a.id, key.id, later))?.revokedAt).toEqual(revokedAt);
      expect(await store.findApiKey('secret-a')).toBeNull();
      expect(await store.isApiKeyActive(key.id)).toBe(false);
      expect(await store.getApiKey(a.id, key.id)).toMatchObject({ id: key.id, revokedAt });
    });

    it('pages a user’s keys in creation order', async () => {
      const a = await store.ensureUser(alice);
      for (const name of ['k1', 'k2', 'k3']) {
        const secretHash = `hash-${name}`;
        await store.createApiKey({ userId: a.id, name, prefix: 'tmk_x', secretHash, scopes: [] });
      }
      const first = await store.listApiKeys(a.id, { direction: 'forward', size: 2 });
      expect(first.items.map((k) => k.name)).toEqual(['k1', 'k2']);
      expect(first.hasMore).toBe(true);
      const seq = first.items[1]!.seq;
      const next = await store.listApiKeys(a.id, { direction: 'forward', size: 2, seq });
      expect(next.items.map((k) => k.name)).toEqual(['k3']);
      expect(next.hasMore).toBe(false);
      const last = await store.listApiKeys(a.id, { direction: 'backward', size: 2 });
      expect(last.items.map((k) => k.name)).toEqual(['k2', 'k3']);
      expect(last.hasMore).toBe(true);
      const before = last.items[0]!.seq;
      const earlier = await store.listApiKeys(a.id, {
        direction: 'backward',
        size: 2,
        seq: before,
      });
      expect(earlier.items.map((k) => k.name)).toEqual(['k1']);
      expect(earlier.hasMore).toBe(false);
    });

    it('updates lastUsedAt at most once per interval', async () => {
      const a = await store.ensureUser(alice);
      const key = await store.createApiKey({
        userId: a.id,
        name: 'busy',
        prefix: 'tmk_b',
        secretHash: 'busy',
        scopes: ['read'],
      });
      const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
      await store.touchApiKey(key.id, t0, minute);
      await store.touchApiKey(key.id, new Date(t0.getTime() + 30_000), minute);
      expect((await store.getApiKey(a.id, key.id))?.lastUsedAt).toEqual(t0);
      const t1 = new Date(t0.getTime() + 2 * minute);
      await store.touchApiKey(key.id, t1, minute);
      expect((await store.getApiKey(a.id, key.id))?.lastUsedAt).toEqual(t1);
    });

    it('keeps one watchlist entry per target and user, owned by that user', async () => {
      const a = await store.ensureUser(alice);
      const b = await store.ensureUser(bob);
      const target = { kind: 'pool' as const, chainId: 1, address: pool };
      const entry = await store.addWatchlistEntry(a.id, { ...target, label: 'main' });
      const relabelled = await store.addWatchlistEntry(a.id, { ...target, label: 'renamed' });
      expect(relabelled).toEqual({ ...entry, label: 'renamed' });
      const other = await store.addWatchlistEntry(b.id, { ...target, label: null });
      expect(other.id).not.toBe(entry.id);
      const wallet = await store.addWatchlistEntry(a.id, {
        kind: 'wallet',
        chainId: 1,
        address: bob,
        label: null,
      });
      const listed = await store.listWatchlist(a.id, all);
      expect(listed.items.map((e) => e.id)).toEqual([entry.id, wallet.id]);
      expect(await store.getWatchlistEntry(b.id, entry.id)).toBeNull();
      expect(await store.removeWatchlistEntry(b.id, entry.id)).toBe(false);
      expect(await store.removeWatchlistEntry(a.id, entry.id)).toBe(true);
      expect(await store.removeWatchlistEntry(a.id, entry.id)).toBe(false);
      expect((await store.listWatchlist(a.id, all)).items.map((e) => e.id)).toEqual([wallet.id]);
      expect((await store.listWatchlist(b.id, all)).items.map((e) => e.id)).toEqual([other.id]);
    });
  });
}
