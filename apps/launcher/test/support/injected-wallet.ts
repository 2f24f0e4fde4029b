import type { launchChromium } from '@tidemark/testkit';
import type { Hex, LocalAccount } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;
export type Page = Awaited<ReturnType<Browser['newPage']>>;

export interface TestWallet {
  /** Every message the wallet signed, as text. */
  signed: string[];
  /** Answer the next personal_sign with EIP-1193's "user rejected" (4001). */
  rejectNextSignature(): void;
  /** Sign the next message with another account's key: a signature the gateway must refuse. */
  forgeNextSignature(): void;
}

interface WalletAnswer {
  result?: unknown;
  error?: { code: number; message: string };
}

const hexToUtf8 = (hex: string) => Buffer.from(hex.slice(2), 'hex').toString('utf8');

/**
 * Gives the page an EIP-1193 `window.ethereum` backed by a viem local account in the test
 * process: the page's requests cross to Node through page.exposeFunction, and personal_sign
 * returns the account's real signature, as a browser wallet extension would.
 */
export async function injectWallet(
  page: Page,
  account: LocalAccount,
  chainId: number,
): Promise<TestWallet> {
  const wallet = { signed: [] as string[], rejectNext: false, forgeNext: false };
  const answer = async (method: string, params: unknown[]): Promise<WalletAnswer> => {
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        // Wallets report accounts in lower case; the dashboard must checksum for EIP-4361.
        return { result: [account.address.toLowerCase()] };
      case 'eth_chainId':
        return { result: `0x${chainId.toString(16)}` };
      case 'personal_sign': {
        if (wallet.rejectNext) {
          wallet.rejectNext = false;
          return { error: { code: 4001, message: 'User rejected the request.' } };
        }
        const [data, address] = params as [Hex, string];
        if (address.toLowerCase() !== account.address.toLowerCase())
          return { error: { code: 4100, message: `unknown account ${address}` } };
        wallet.signed.push(hexToUtf8(data));
        const signer = wallet.forgeNext ? privateKeyToAccount(generatePrivateKey()) : account;
        wallet.forgeNext = false;
        return { result: await signer.signMessage({ message: { raw: data } }) };
      }
      default:
        return { error: { code: 4200, message: `unsupported method ${method}` } };
    }
  };
  await page.exposeFunction('__tidemarkTestWallet', answer);
  await page.addInitScript(() => {
    const scope = window as unknown as Record<string, unknown>;
    scope.ethereum = {
      request: async ({ method, params }: { method: string; params?: unknown[] }) => {
        const bridge = scope.__tidemarkTestWallet as (
          method: string,
          params: unknown[],
        ) => Promise<WalletAnswer>;
        const reply = await bridge(method, params ?? []);
        if (reply.error !== undefined)
          throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
        return reply.result;
      },
    };
  });
  return {
    signed: wallet.signed,
    rejectNextSignature: () => {
      wallet.rejectNext = true;
    },
    forgeNextSignature: () => {
      wallet.forgeNext = true;
    },
  };
}
