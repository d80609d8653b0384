import { goClient } from '../../support/confluent-clients.js';
import { describeClientScenario } from './client-scenario.js';

describeClientScenario({
  title: 'Confluent’s Go client (confluent-kafka-go) runs our scenario against registry serve',
  make: goClient,
  absent: { mode: 'the Go client has no mode API' },
  todo: {
    'lookup-normalize':
      'needs lookup with normalize=true of a schema registered without normalize (Go writes the keys sorted)',
    'lookup-equivalent':
      'needs lookup by equivalence (an Avro schema equal but for the order of its custom properties)',
  },
});
