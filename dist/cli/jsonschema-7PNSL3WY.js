import {
  CHANGE_TYPES,
  LENIENT_ALLOWED,
  STRICT_ALLOWED,
  allowedChanges,
  compareSchemaNodes,
  diffJsonSchemas,
  explainChange,
  explainForwardChange,
  jsonSchemaFormat,
  jsonSchemaFormatWith,
  parseJsonSchema,
  parsePolicy
} from "./chunk-37YVPKBY.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-6BBU6Q3O.js";
export {
  CHANGE_TYPES,
  LENIENT_ALLOWED,
  STRICT_ALLOWED,
  allowedChanges,
  compareSchemaNodes,
  diffJsonSchemas,
  explainChange,
  explainForwardChange,
  jsonSchemaFormat,
  jsonSchemaFormatWith,
  parseJsonSchema,
  parsePolicy
};
