import { pythonClient } from '../../support/confluent-clients.js';
import { describeClientScenario } from './client-scenario.js';

describeClientScenario({
  title: 'Confluent’s Python client (confluent-kafka) runs our scenario against registry serve',
  make: pythonClient,
});
