// Kafka integration: produce and consume registry-serialized messages, with a dead-letter topic.
export type {
  BatchControl,
  ConsumerPortOptions,
  HeaderValue,
  IncomingRecord,
  KafkaClientPort,
  KafkaConsumerPort,
  KafkaProducerPort,
  OutgoingRecord,
  RecordMetadata,
} from './client.js';
export { kafkajsClient, type KafkajsClientOptions, type KafkajsLogLevel } from './kafkajs.js';
export { DLQ_HEADER, defaultDeadLetterTopic, deadLetterRecord, type FailureStage } from './dead-letter.js';
export {
  SchemaRegistryKafkaService,
  type ConsumeOptions,
  type ConsumedMessage,
  type ConsumerHandle,
  type DeadLetterEvent,
  type KafkaServiceOptions,
  type ProduceOptions,
} from './service.js';
