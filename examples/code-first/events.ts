// The platform's own events as zod models: `schemagate generate` writes schemas/ from this module
// (schemagate.yaml lists it under `generate:`), and `generate --check` keeps the two in step.
// In a project of your own, import from 'schemagate' instead of the source path.
import { z } from 'zod';
import { defineBase, defineMessage } from '../../src/formats/zod/declare.js';

/** The envelope every event carries; its own schema file, referred to by name from each event. */
export const EventBaseModel = z.object({
  event_id: z.string().describe('Unique id of the event (UUID).'),
  timestamp: z
    .string()
    .describe('When the event happened, as an ISO-8601 date-time in UTC, e.g. 2026-01-01T12:00:00Z.'),
  event_type: z.string().describe('The kind of event, named after its topic, e.g. agent.lifecycle.started.'),
});

export const EventBase = defineBase({
  model: EventBaseModel,
  name: 'EventBase',
  namespace: 'clubhouse.events',
  doc: 'The envelope every platform event carries: what happened, when, and a unique id.',
});

const details = (doc: string) => z.record(z.string(), z.string()).default({}).describe(doc);

export const AgentLifecycleEvent = defineMessage({
  topic: 'agent.lifecycle.events',
  name: 'AgentLifecycleEvent',
  namespace: 'clubhouse.events.agent.lifecycle',
  doc: 'An agent was created, started, paused, resumed, stopped or failed (topics agent.lifecycle.*).',
  model: z.object({
    base: EventBaseModel.describe('Id, timestamp and event type (agent.lifecycle.started, …).'),
    agent_id: z.string().describe('The agent the event is about.'),
    metadata: details("Free-form details, such as the agent's version or host."),
  }),
});

export const CapabilityEvent = defineMessage({
  topic: 'capability.invocation.events',
  name: 'CapabilityEvent',
  namespace: 'clubhouse.events.capability',
  doc: 'An agent invoked a capability, and how it went (topics capability.*.*).',
  model: z.object({
    base: EventBaseModel.describe('Id, timestamp and event type (capability.invocation.started, …).'),
    agent_id: z.string().describe('The agent that invoked the capability.'),
    operation_id: z.string().describe('Correlates the events of one invocation.'),
    capability_type: z.string().describe('Which capability, e.g. web.search or code.execute.'),
    params: details("The invocation's parameters."),
    result: details('The outcome, when the invocation succeeded.'),
    error: z.string().nullable().describe('Why the invocation failed, when it did.'),
  }),
});

export const TaskStatus = z.enum(['UNKNOWN', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']).meta({
  id: 'TaskStatus',
  description: 'Where the task stands. Readers that meet a newer symbol see UNKNOWN.',
  avro: { default: 'UNKNOWN' },
});

export const TaskEvent = defineMessage({
  topic: 'task.execution.events',
  name: 'TaskEvent',
  namespace: 'clubhouse.events.task',
  doc: 'A task changed state (topics task.*.*).',
  model: z.object({
    base: EventBaseModel.describe('Id, timestamp and event type (task.execution.completed, …).'),
    task_id: z.string().describe('The task the event is about.'),
    agent_id: z.string().describe('The agent working on the task.'),
    status: TaskStatus.describe("The task's state after the event."),
    metadata: details('Free-form details.'),
  }),
});
