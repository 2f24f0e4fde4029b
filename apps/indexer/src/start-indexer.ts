import type { Role } from './config/indexer-config';
import { startAnalyticsRole } from './roles/analytics/analytics-role';
import { startIngestRole } from './roles/ingest/ingest-role';
import { ProgressTracker, type ChainProgress } from './roles/ingest/progress';
import type { RoleDeps, RoleStarter, StartedRole } from './roles/role-starter';
import { startSinkRole } from './roles/sink/sink-role';

export interface IndexerDeps extends Omit<RoleDeps, 'progress'> {
  roles: readonly Role[];
}

export interface RunningIndexer {
  progress(): ChainProgress[];
  /** Rejects when a role stops on an error no retry can fix. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every role, in start order: the consumers subscribe before ingest publishes, because the
 * in-process bus keeps no batch for a group that has not subscribed yet. A new role is one entry.
 */
const roleStarters: Record<Role, RoleStarter> = {
  sink: startSinkRole,
  analytics: startAnalyticsRole,
  ingest: startIngestRole,
};

/** Stops roles the last started first: ingest stops publishing before its consumers leave. */
async function stopRoles(started: readonly StartedRole[]): Promise<void> {
  for (const role of [...started].reverse()) await role.stop();
}

/** Starts the configured roles in this process; if one cannot start, those started are stopped. */
export async function startIndexer(deps: IndexerDeps): Promise<RunningIndexer> {
  const progress = new ProgressTracker();
  const started: StartedRole[] = [];
  try {
    for (const role of Object.keys(roleStarters) as Role[]) {
      if (!deps.roles.includes(role)) continue;
      const logger = deps.logger.child({ role });
      started.push(await roleStarters[role]({ ...deps, progress, logger }));
    }
  } catch (error) {
    await stopRoles(started).catch(() => undefined); // the start's failure is the one to report
    throw error;
  }
  const ending = started.flatMap((role) => (role.done ? [role.done] : []));
  const done = Promise.all(ending).then(() => undefined);
  return {
    progress: () => progress.snapshot(),
    done,
    stop: () => stopRoles(started),
  };
}
