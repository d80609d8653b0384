// Child process of the e2e crash test: consumes `topic`, prints each value's id as it is handled, and kills
// itself with SIGKILL inside the handler of the `crashAt`-th record (no shutdown, no final commit).
import { SchemaRegistryClient } from '../../src/registry/client/index.js';
import { kafkajsClient, SchemaRegistryKafkaService } from '../../src/kafka/index.js';
import { AvroDeserializer } from '../../src/serde/index.js';

const [bootstrap, registryUrl, topic, groupId, crashAt] = process.argv.slice(2);
if (crashAt === undefined)
  throw new Error('usage: crashing-consumer <bootstrap> <registry> <topic> <group> <crashAt>');
const service = new SchemaRegistryKafkaService<{ id: string }>({
  client: kafkajsClient({ brokers: [bootstrap!], logLevel: 'nothing' }),
  valueDeserializer: new AvroDeserializer(new SchemaRegistryClient({ url: registryUrl! })),
});
let handled = 0;
await service.consume({
  topics: [topic!],
  groupId: groupId!,
  fromBeginning: true,
  commitThreshold: 1,
  sessionTimeoutMs: 6000,
  maxWaitTimeMs: 200,
  handler: (message) => {
    handled++;
    // Pipes are written synchronously on Linux: the line is out before the kill.
    process.stdout.write(`${message.value!.id}\n`);
    if (handled === Number(crashAt)) process.kill(process.pid, 'SIGKILL');
  },
});
