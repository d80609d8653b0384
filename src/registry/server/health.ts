import type { ServerResponse } from 'node:http';
import type { KafkaRegistryStore } from '../kafka-store/store.js';

/**
 * `GET /_health` (Karapace's path), for load balancers: 200 when the node serves, 503 while it
 * replays its topic or after it stopped; with its role and where the leader is.
 */
export function health(res: ServerResponse, cluster: KafkaRegistryStore | undefined): void {
  const body =
    cluster === undefined
      ? { ready: true, store: 'file', role: 'leader' }
      : { store: 'kafka', topic: cluster.topic, groupId: cluster.groupId, ...cluster.health() };
  const text = JSON.stringify(body);
  res.writeHead(body.ready ? 200 : 503, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
