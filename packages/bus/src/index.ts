export { createInProcessBus, type InProcessBusOptions } from './in-process/in-process-bus';
export { createKafkaBus, type KafkaBusOptions } from './kafka/kafka-bus';
export { KafkaBusConfig, type KafkaBusConfigInput } from './kafka/config';
export type { Logger } from './logger';
