import {
  runCheck
} from "./chunk-E3ZUKQDY.js";
import "./chunk-TDS2JYQF.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AWG2GO57.js";
import "./chunk-4JLVD5MI.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-5PBGGHHK.js";
import "./chunk-4WLI5DVH.js";
import "./chunk-J3ECWBL7.js";
import "./chunk-AACIVGT5.js";
import "./chunk-X223GS44.js";
import "./chunk-XTDEDTCT.js";
import "./chunk-6BBU6Q3O.js";
export {
  runCheck
};
