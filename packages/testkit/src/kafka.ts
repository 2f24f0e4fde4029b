import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { freePort } from './free-port';

export interface KafkaBroker {
  /** Bootstrap addresses, e.g. ["127.0.0.1:40123"]. */
  brokers: string[];
  /** Kills the broker and removes its data. Safe to call twice. */
  stop(): Promise<void>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const pomFile = join(repoRoot, 'scripts/kafka/pom.xml');
const setupScript = join(repoRoot, 'scripts/setup/kafka.sh');
const cacheDir = join(repoRoot, '.cache/kafka');
const libsDir = join(cacheDir, 'libs');
const READY_TIMEOUT_MS = 90_000;
const START_ATTEMPTS = 3;
const PORT_CLASH = /Address already in use|BindException/;

/**
 * Kills the JVM when the parent closes the pipe on our stdin: on stop(), and also when the test
 * process dies in any way, so no broker outlives its tests; then removes the broker's dir.
 */
const WATCHDOG = `
exec 3<&0
"$@" </dev/null &
jvm=$!
{
  cat <&3 >/dev/null
  kill -9 "$jvm" 2>/dev/null
  while kill -0 "$jvm" 2>/dev/null; do sleep 0.1; done
  rm -rf "$BROKER_DIR"
} &
wait "$jvm"
`;

/**
 * Starts a single-node Apache Kafka (KRaft, broker and controller in one JVM) on free loopback
 * ports with a fresh data dir, and resolves once it answers a metadata request.
 */
export async function startKafka(): Promise<KafkaBroker> {
  requireJava();
  const template = await storageTemplate(ensureJars());
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce(template);
    } catch (error) {
      // A free port can be taken by someone else before the JVM binds it: try fresh ports.
      lastError = error;
      if (!PORT_CLASH.test((error as Error).message)) break;
    }
  }
  throw lastError;
}

async function startOnce(template: string): Promise<KafkaBroker> {
  const dir = fs.mkdtempSync(join(tmpdir(), 'tidemark-kafka-'));
  const [port, controllerPort] = await twoFreePorts();
  const configFile = writeConfig(dir, port, controllerPort);
  fs.cpSync(template, join(dir, 'data'), { recursive: true });
  const jvm = spawnBroker(dir, configFile);
  const stop = stopper(jvm, dir);
  const address = `127.0.0.1:${port}`;
  try {
    await untilAnswering(address, jvm);
  } catch (error) {
    const log = tail(join(dir, 'server.log')) + tail(join(dir, 'stdout.log'));
    await stop();
    throw new Error(`Kafka did not start: ${(error as Error).message}\n${log}`);
  }
  return { brokers: [address], stop };
}

function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined) {
    throw new Error(
      'Java 17+ is needed to run the Kafka broker: apt-get install -y openjdk-17-jre-headless',
    );
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new Error(
      `Kafka 4 needs Java 17+, found Java ${major}: apt-get install -y openjdk-17-jre-headless`,
    );
  }
}

/**
 * The jars are current when the stamp written by scripts/setup/kafka.sh matches the pom.
 * Returns the pom's hash, which names everything cached for this Kafka version.
 */
function ensureJars(): string {
  const want = createHash('sha256').update(fs.readFileSync(pomFile)).digest('hex');
  const stamp = join(libsDir, '.pom.sha256');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === want) return want;
  if (spawnSync('mvn', ['-v']).error !== undefined) {
    throw new Error(
      'Maven is needed once to fetch the Kafka broker jars: apt-get install -y maven (or run scripts/setup/kafka.sh as root)',
    );
  }
  const run = spawnSync('bash', [setupScript], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) {
    throw new Error(
      `scripts/setup/kafka.sh failed (exit ${run.status}):\n${run.stdout}${run.stderr}`,
    );
  }
  return want;
}

/**
 * A formatted, empty log dir for this Kafka version, made once and copied for every broker: the
 * format step is a JVM start of its own, and its output (node id, metadata version) does not
 * depend on the ports.
 */
async function storageTemplate(version: string): Promise<string> {
  const template = join(cacheDir, 'storage', version);
  if (fs.existsSync(join(template, 'meta.properties'))) return template;
  fs.mkdirSync(dirname(template), { recursive: true });
  const staging = fs.mkdtempSync(join(cacheDir, 'storage-staging-'));
  try {
    await formatStorage(staging, writeConfig(staging, 9092, 9093));
    fs.renameSync(join(staging, 'data'), template);
  } catch (error) {
    // Another process may have won the race; its template is as good as ours.
    if (!fs.existsSync(join(template, 'meta.properties'))) throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return template;
}

async function twoFreePorts(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

function writeConfig(dir: string, port: number, controllerPort: number): string {
  const dataDir = join(dir, 'data');
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    // One node: every internal topic has one replica, and few partitions so it is created fast.
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'share.coordinator.state.topic.num.partitions': 1,
    'group.initial.rebalance.delay.ms': 0,
    // Topics are created by their owners (the bus), as in production.
    'auto.create.topics.enable': false,
  };
  const file = join(dir, 'server.properties');
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}\n`);
  fs.writeFileSync(file, lines.join(''));
  fs.writeFileSync(join(dir, 'log4j2.properties'), log4jConfig(join(dir, 'server.log')));
  return file;
}

/** Warnings and errors only, to a file in the data dir (shown when the broker fails to start). */
const log4jConfig = (logFile: string) => `rootLogger.level=WARN
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=${logFile}
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
`;

// Client JIT only (TieredStopAtLevel=1): the JVM starts markedly faster, and a test broker never
// needs peak throughput.
const JVM_FLAGS = ['-Xms512m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

function javaArgs(dir: string, mainClass: string, args: string[]): string[] {
  const log4j = `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`;
  return [
    ...JVM_FLAGS,
    '-Djava.awt.headless=true',
    log4j,
    '-cp',
    join(libsDir, '*'),
    mainClass,
    ...args,
  ];
}

async function formatStorage(dir: string, configFile: string): Promise<void> {
  // Joined to its flag with '=': a base64 id may start with '-' and pass for an option.
  const clusterId = randomBytes(16).toString('base64url');
  const args = javaArgs(dir, 'kafka.tools.StorageTool', [
    'format',
    `--cluster-id=${clusterId}`,
    `--config=${configFile}`,
  ]);
  await new Promise<void>((done, fail) => {
    const format = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    format.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    format.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    format.on('error', fail);
    format.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`formatting Kafka storage failed:\n${output}`)),
    );
  });
}

function spawnBroker(dir: string, configFile: string): ChildProcess {
  const out = fs.openSync(join(dir, 'stdout.log'), 'a');
  const jvm = spawn(
    'bash',
    ['-c', WATCHDOG, 'kafka-watchdog', 'java', ...javaArgs(dir, 'kafka.Kafka', [configFile])],
    {
      stdio: ['pipe', out, out],
      env: { ...process.env, BROKER_DIR: dir },
    },
  );
  fs.closeSync(out);
  return jvm;
}

function stopper(jvm: ChildProcess, dir: string): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((done) => {
    if (jvm.exitCode !== null || jvm.signalCode !== null) done();
    else jvm.once('exit', () => done());
  });
  return () =>
    (stopping ??= (async () => {
      jvm.stdin?.end();
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    })());
}

async function untilAnswering(address: string, jvm: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const kafka = new kafkajs.Kafka({
    brokers: [address],
    logLevel: kafkajs.logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  });
  while (Date.now() < deadline) {
    if (jvm.exitCode !== null || jvm.signalCode !== null) throw new Error('the broker JVM exited');
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0) return;
    } catch {
      // Not listening yet: poll again below.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((next) => setTimeout(next, 100));
  }
  throw new Error(`no answer from ${address} within ${READY_TIMEOUT_MS} ms`);
}

function tail(file: string): string {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
}
