import {
  runCheck
} from "./chunk-25PZC6QO.js";
import "./chunk-HE64FXBV.js";
import "./chunk-M6NZYUY5.js";
import "./chunk-WGU762UM.js";
import "./chunk-UO5ZFLJF.js";
import "./chunk-5PBGGHHK.js";
import "./chunk-OI3S3FC7.js";
import "./chunk-5BKTA54Q.js";
import "./chunk-DKGIIV3F.js";
import "./chunk-6BBU6Q3O.js";
export {
  runCheck
};
