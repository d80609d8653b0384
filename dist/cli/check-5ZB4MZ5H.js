import {
  runCheck
} from "./chunk-FA7QXIEN.js";
import "./chunk-UKMXE7KU.js";
import "./chunk-QLTC7SBT.js";
import "./chunk-DCVPW6IE.js";
import "./chunk-AYQYXMTB.js";
import "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import "./chunk-GZ7YKJFV.js";
import "./chunk-X223GS44.js";
import "./chunk-MYU7MPXZ.js";
import "./chunk-4JLVD5MI.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-4SLUN3ZN.js";
import "./chunk-6BBU6Q3O.js";
import "./chunk-4WLI5DVH.js";
export {
  runCheck
};
