import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Abi, Hex } from 'viem';
import { z } from 'zod';
import { artifactsDir, contractsDir } from '../paths';

const contractNames = [
  'DevToken',
  'WrappedNative',
  'DexFactory',
  'DexPair',
  'DexRouter',
  'Multicall',
  'Bytes32Token',
  'NoDecimalsToken',
  'DexV3Factory',
  'DexV3Pool',
  'SmartWallet',
  'SmartWalletFactory',
] as const;
export type ContractName = (typeof contractNames)[number];
export interface ContractArtifact {
  abi: Abi;
  bytecode: Hex;
}
export type ContractArtifacts = Record<ContractName, ContractArtifact>;

const artifactsFile = path.join(artifactsDir, 'contracts.json');
const compilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

const artifactSchema = z.object({
  abi: z.array(z.unknown()),
  bytecode: z.string().regex(/^0x[0-9a-f]+$/),
});
const cacheSchema = z.object({
  sourceHash: z.string(),
  contracts: z.object(Object.fromEntries(contractNames.map((name) => [name, artifactSchema]))),
});

const solcOutputSchema = z.object({
  errors: z.array(z.object({ severity: z.string(), formattedMessage: z.string() })).optional(),
  contracts: z
    .record(
      z.string(),
      z.record(
        z.string(),
        z.object({
          abi: z.array(z.unknown()),
          evm: z.object({ bytecode: z.object({ object: z.string() }) }),
        }),
      ),
    )
    .optional(),
});

let pending: Promise<ContractArtifacts> | undefined;

/**
 * Returns the compiled contracts, compiling with solcjs only when the sources (or the compiler
 * settings) changed since the cached artifacts were written. Concurrent callers share one run.
 */
export function loadContractArtifacts(): Promise<ContractArtifacts> {
  pending ??= compileIfChanged().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

async function compileIfChanged(): Promise<ContractArtifacts> {
  const sources = await readSources();
  const sourceHash = hashSources(sources);
  const cached = await readCache();
  if (cached?.sourceHash === sourceHash) return cached.contracts as unknown as ContractArtifacts;
  const contracts = await compile(sources);
  await mkdir(artifactsDir, { recursive: true });
  // Write then rename, so a concurrent reader never sees a half-written file.
  const temporary = `${artifactsFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ sourceHash, contracts }));
  await rename(temporary, artifactsFile);
  return contracts;
}

async function readSources(): Promise<Record<string, string>> {
  const files = (await readdir(contractsDir)).filter((file) => file.endsWith('.sol')).sort();
  const entries = await Promise.all(
    files.map(
      async (file) => [file, await readFile(path.join(contractsDir, file), 'utf8')] as const,
    ),
  );
  return Object.fromEntries(entries);
}

function hashSources(sources: Record<string, string>): string {
  const hash = createHash('sha256').update(JSON.stringify(compilerSettings));
  for (const [file, content] of Object.entries(sources)) hash.update(`\0${file}\0${content}`);
  return hash.digest('hex');
}

async function readCache(): Promise<z.infer<typeof cacheSchema> | undefined> {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(await readFile(artifactsFile, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function compile(sources: Record<string, string>): Promise<ContractArtifacts> {
  // solcjs is several megabytes of JavaScript; load it only when a compilation is needed.
  const solc = (await import('solc')).default;
  // The package types its entry point as `any`; standard JSON is a string in, a string out.
  const compileStandardJson = solc.compile as (input: string) => string;
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(
      Object.entries(sources).map(([file, content]) => [file, { content }]),
    ),
    settings: compilerSettings,
  };
  const output = solcOutputSchema.parse(JSON.parse(compileStandardJson(JSON.stringify(input))));
  const errors = (output.errors ?? []).filter((entry) => entry.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `Solidity compilation failed:\n${errors.map((entry) => entry.formattedMessage).join('\n')}`,
    );
  }
  const entries = contractNames.map((name) => {
    const compiled = output.contracts?.[`${name}.sol`]?.[name];
    if (!compiled)
      throw new Error(
        `Solidity compilation produced no ${name} (expected in contracts/${name}.sol)`,
      );
    return [
      name,
      { abi: compiled.abi as Abi, bytecode: `0x${compiled.evm.bytecode.object}` },
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as ContractArtifacts;
}
