import type { MessageContext } from './errors.js';

/** What the Kafka integration needs from a serializer; the Avro and JSON Schema serializers implement it. */
export interface Serializer<T> {
  serialize(topic: string, value: T): Promise<Buffer>;
}

/** What the Kafka integration needs from a deserializer; `context` travels into errors. */
export interface Deserializer<T> {
  deserialize(topic: string, buf: Uint8Array, context?: MessageContext): Promise<T>;
}
