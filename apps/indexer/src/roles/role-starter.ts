import type {
  AnalyticsOlapStore,
  CostMethod,
  EventBus,
  OlapStore,
  OltpStore,
} from '@tidemark/domain';
import type { Logger } from 'pino';
import type { ChainConfig } from '../config/chains';
import type { ProgressTracker } from './ingest/progress';

/** What the roles of one process share; each role takes the part it needs. */
export interface RoleDeps {
  chains: readonly ChainConfig[];
  bus: EventBus;
  oltp: OltpStore;
  olap: OlapStore;
  /** Needed by the analytics role only. */
  analytics?: AnalyticsOlapStore;
  /** How the analytics role costs sales; default `average`. */
  costMethod?: CostMethod;
  /** Per-chain progress, kept by the ingest role. */
  progress: ProgressTracker;
  /** Already bound to the role (`role` key). */
  logger: Logger;
}

/** A role running in this process. */
export interface StartedRole {
  /**
   * Resolves when the role has nothing left to do, rejects when it stops on an error no retry
   * can fix. Absent for a role that runs until it is stopped (a bus consumer).
   */
  readonly done?: Promise<void>;
  stop(): Promise<void>;
}

export type RoleStarter = (deps: RoleDeps) => Promise<StartedRole>;
