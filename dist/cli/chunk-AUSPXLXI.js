import {
  SchemaRegistryClient
} from "./chunk-HWBZGNI2.js";
import {
  resolveRegistryUrl
} from "./chunk-GZ7YKJFV.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/registry/connect.ts
function connectRegistry(flag, config, env, extra = {}) {
  const url = flag ?? (config === void 0 ? void 0 : resolveRegistryUrl(config, env)) ?? env.SCHEMA_REGISTRY_URL;
  if (url === void 0 || url === "") {
    throw new SchemagateError("INVALID_ARGUMENT", "no registry: pass --registry <url>, set registry.url in schemagate.yaml, or set SCHEMA_REGISTRY_URL");
  }
  return SchemaRegistryClient.fromEnv(env, { ...extra, url });
}

export {
  connectRegistry
};
