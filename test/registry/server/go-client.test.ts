import { goClient } from '../../support/confluent-clients.js';
import { describeClientScenario } from './client-scenario.js';

describeClientScenario({
  title: 'Confluent’s Go client (confluent-kafka-go) runs our scenario against registry serve',
  make: goClient,
  absent: { mode: 'the Go client has no mode API' },
});
