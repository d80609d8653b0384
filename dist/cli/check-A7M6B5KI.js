import {
  runCheck
} from "./chunk-V66QAB3W.js";
import "./chunk-4WLI5DVH.js";
import "./chunk-Z3PVPCAU.js";
import "./chunk-XZ5J6NE5.js";
import "./chunk-WGU762UM.js";
import "./chunk-UO5ZFLJF.js";
import "./chunk-5PBGGHHK.js";
import "./chunk-5MVSPG7Y.js";
import "./chunk-X223GS44.js";
import "./chunk-XTDEDTCT.js";
import "./chunk-6BBU6Q3O.js";
export {
  runCheck
};
