// src/report/formats.ts
var REPORT_FORMATS = ["text", "json", "github", "junit", "sarif", "markdown"];

export {
  REPORT_FORMATS
};
