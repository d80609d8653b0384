export {
  startRegistryServer,
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_SCHEMA_BYTES,
  type RegistryServerOptions,
  type RunningRegistry,
} from './server.js';
export { RegistryHttpError } from './errors.js';
export type { Shapes } from './views.js';
