import {
  BaseError,
  createPublicClient,
  encodeDeployData,
  erc6492SignatureValidatorAbi,
  erc6492SignatureValidatorByteCode,
  ExecutionRevertedError,
  hashMessage,
  http,
  RpcRequestError,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { SignatureCheckUnavailableError } from './errors';

/** Checks signatures of smart-contract wallets (EIP-1271, ERC-6492) on their chain. */
export interface ContractSignatureVerifier {
  /** Whether `chainId` has an RPC URL to check contract-wallet signatures with. */
  supports(chainId: number): boolean;
  /**
   * true when the account `address` on `chainId` accepts `signature` of the EIP-191 `message`.
   * Throws SignatureCheckUnavailableError when the chain could not answer (retrying may help).
   */
  verify(input: {
    chainId: number;
    address: Address;
    message: string;
    signature: Hex;
  }): Promise<boolean>;
}

/** Sign-in waits this long for the chain; a slow node must not hold the request. */
const defaultRpcTimeoutMs = 5_000;

/** A node answering JSON-RPC error 3, or a revert message (Hardhat says "reverted"). */
function isRevert(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const found = error.walk(
    (cause) =>
      cause instanceof ExecutionRevertedError ||
      (cause instanceof RpcRequestError &&
        (cause.code === ExecutionRevertedError.code || /revert/i.test(cause.details))),
  );
  return found !== null;
}

/**
 * Runs ERC-6492's validator as a deployless eth_call (no contract needed on the chain): it deploys
 * a counterfactual wallet from a wrapped signature, then asks the wallet's isValidSignature
 * (EIP-1271). viem's verifyMessage does the same but answers false when the node cannot be
 * reached; here only a revert means "not valid", and any other failure is retryable.
 */
async function verifyOnChain(
  client: PublicClient,
  chainId: number,
  input: { address: Address; message: string; signature: Hex },
): Promise<boolean> {
  const data = encodeDeployData({
    abi: erc6492SignatureValidatorAbi,
    bytecode: erc6492SignatureValidatorByteCode,
    args: [input.address, hashMessage(input.message), input.signature],
  });
  let result: Hex | undefined;
  try {
    ({ data: result } = await client.call({ data }));
  } catch (error) {
    if (isRevert(error)) return false;
    throw new SignatureCheckUnavailableError(chainId, error);
  }
  // The validator answers one byte: 0x01 valid, 0x00 not. Anything else is a node that did not
  // run it (no verdict on the signature).
  if (result === '0x01' || result === '0x00') return result === '0x01';
  throw new SignatureCheckUnavailableError(
    chainId,
    new Error(`the node answered ${String(result)} to ERC-6492's validator`),
  );
}

/**
 * A verifier over each chain's RPC URL (GATEWAY_SIWE_RPC_URLS). One request per check, no
 * retries: a failed check answers a retryable error at once, and the caller may try again.
 */
export function createContractSignatureVerifier(
  rpcUrls: ReadonlyMap<number, string>,
  options: { timeoutMs?: number } = {},
): ContractSignatureVerifier {
  const timeout = options.timeoutMs ?? defaultRpcTimeoutMs;
  const clients = new Map<number, PublicClient>();
  for (const [chainId, url] of rpcUrls)
    clients.set(chainId, createPublicClient({ transport: http(url, { timeout, retryCount: 0 }) }));
  return {
    supports: (chainId) => clients.has(chainId),
    verify: async ({ chainId, ...input }) => {
      const client = clients.get(chainId);
      if (client === undefined) return false;
      return verifyOnChain(client, chainId, input);
    },
  };
}
