// The slice of EIP-1193 (the injected `window.ethereum` provider) sign-in uses, and what its
// failures mean to a person. Wallets are third-party code: every answer is checked.

export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] }): Promise<unknown>;
}

/** A wallet step failed; `retryable` says whether trying again (as is) can help. */
export class WalletError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'WalletError';
  }
}

export const NO_WALLET_MESSAGE =
  'No Ethereum wallet found in this browser. Install or enable a wallet extension (for example MetaMask), then reload the page.';

/** The page's injected provider, or undefined when the browser has none. */
export function injectedProvider(host: unknown): Eip1193Provider | undefined {
  const ethereum = (host as { ethereum?: unknown } | null)?.ethereum;
  if (typeof ethereum !== 'object' || ethereum === null) return undefined;
  const request = (ethereum as { request?: unknown }).request;
  return typeof request === 'function' ? (ethereum as Eip1193Provider) : undefined;
}

/** EIP-1193 and JSON-RPC error codes a wallet answers with, as a sentence for the user. */
export function describeWalletError(error: unknown): WalletError {
  if (error instanceof WalletError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  switch (code) {
    case 4001:
      return new WalletError('You rejected the request in your wallet; nothing was signed.', true);
    case -32002:
      return new WalletError(
        'Your wallet already has a request waiting: open the wallet to answer it.',
        true,
      );
    case 4100:
      return new WalletError(
        'The wallet did not allow this site to use the account: unlock it and try again.',
        true,
      );
    default:
      return new WalletError(
        `The wallet failed: ${typeof message === 'string' && message !== '' ? message : 'unknown error'}`,
        true,
      );
  }
}

/** The first account of an `eth_requestAccounts` answer, lower case. */
export function firstAccount(answer: unknown): string {
  const account = Array.isArray(answer) ? (answer[0] as unknown) : undefined;
  if (typeof account !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(account))
    throw new WalletError('The wallet shared no account: unlock it and choose an account.', true);
  return account.toLowerCase();
}

/** An `eth_chainId` answer (hex quantity) as a number. */
export function parseChainId(answer: unknown): number {
  if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]{1,15}$/.test(answer))
    throw new WalletError(`The wallet reported a malformed chain id (${String(answer)}).`, false);
  const chainId = Number.parseInt(answer.slice(2), 16);
  if (chainId < 1) throw new WalletError('The wallet reported chain id 0.', false);
  return chainId;
}

/** `personal_sign`'s data parameter: the message's UTF-8 bytes as 0x-hex. */
export function utf8ToHex(text: string): string {
  let hex = '0x';
  for (const byte of new TextEncoder().encode(text)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** A `personal_sign` answer: a 65-byte signature as 0x-hex. */
export function readSignature(answer: unknown): string {
  if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(answer))
    throw new WalletError('The wallet answered with something that is not a signature.', false);
  return answer;
}
