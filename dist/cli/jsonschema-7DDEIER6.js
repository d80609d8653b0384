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
} from "./chunk-52IIEVUC.js";
import "./chunk-5PBGGHHK.js";
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
