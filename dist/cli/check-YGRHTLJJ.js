import {
  runCheck
} from "./chunk-4UUR7YQY.js";
import "./chunk-KCG7TZ2V.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AMNHAX6Y.js";
import "./chunk-4JLVD5MI.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-H4TEGRJZ.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-4WLI5DVH.js";
import "./chunk-SB5VEGJF.js";
import "./chunk-AACIVGT5.js";
import "./chunk-X223GS44.js";
import "./chunk-X4MGRZF6.js";
import "./chunk-6BBU6Q3O.js";
export {
  runCheck
};
