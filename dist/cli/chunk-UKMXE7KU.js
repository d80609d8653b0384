import {
  IGNORE_PROPERTY
} from "./chunk-GZ7YKJFV.js";
import {
  joinPointer
} from "./chunk-L6DUB6QO.js";

// src/lint/naming.ts
var CASES = {
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/
};
function isInCase(name, nameCase) {
  return CASES[nameCase].test(name);
}
var DEFAULT_NAMESPACE = "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$";
function caseClashes(names) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  names.forEach((n, index) => {
    const key = n.toLowerCase();
    const other = seen.get(key);
    if (other !== void 0 && other !== n) out.push({ index, other });
    else if (other === void 0) seen.set(key, n);
  });
  return out;
}

// src/repo/lint.ts
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function missingDocs(format, value) {
  const out = [];
  if (format === "avro") {
    const walk = (v, pointer) => {
      if (Array.isArray(v)) return v.forEach((b, i) => walk(b, `${pointer}/${i}`));
      if (!isObject(v)) return;
      const t = v["type"];
      if ((t === "record" || t === "error" || t === "enum" || t === "fixed") && typeof v["name"] === "string") {
        if (typeof v["doc"] !== "string") out.push({ pointer, what: `${t} '${v["name"]}'` });
        const fields = v["fields"];
        if (Array.isArray(fields)) {
          fields.forEach((f, i) => {
            if (!isObject(f)) return;
            const fp = `${pointer}/fields/${i}`;
            if (typeof f["doc"] !== "string") out.push({ pointer: fp, what: `field '${String(f["name"])}'` });
            if (f["type"] !== void 0) walk(f["type"], `${fp}/type`);
          });
        }
        return;
      }
      if (t === "array" && v["items"] !== void 0) walk(v["items"], `${pointer}/items`);
      else if (t === "map" && v["values"] !== void 0) walk(v["values"], `${pointer}/values`);
      else if (t !== void 0 && typeof t !== "string") walk(t, `${pointer}/type`);
    };
    walk(value, "");
  } else {
    if (isObject(value) && typeof value["description"] !== "string")
      out.push({ pointer: "", what: "the schema" });
    const walk = (v, pointer) => {
      if (Array.isArray(v)) return v.forEach((b, i) => walk(b, `${pointer}/${i}`));
      if (!isObject(v)) return;
      const props = v["properties"];
      if (isObject(props)) {
        for (const [name, p] of Object.entries(props)) {
          const pp = joinPointer(joinPointer(pointer, "properties"), name);
          if (isObject(p) && typeof p["description"] !== "string" && p["$ref"] === void 0)
            out.push({ pointer: pp, what: `property '${name}'` });
        }
      }
      for (const [k, c] of Object.entries(v)) walk(c, joinPointer(pointer, k));
    };
    walk(value, "");
  }
  return out;
}

// src/lint/avro.ts
var isObject2 = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var NAMED = /* @__PURE__ */ new Set(["record", "error", "enum", "fixed"]);
function topLevelName(schema) {
  if (!isObject2(schema) || typeof schema["name"] !== "string") return void 0;
  const name = schema["name"];
  const ns = schema["namespace"];
  return name.includes(".") || typeof ns !== "string" || ns === "" ? name : `${ns}.${name}`;
}
function lintAvro(schema, options) {
  const out = [];
  const namespacePattern = new RegExp(options.namespace, "u");
  const walk = (v, pointer) => {
    if (Array.isArray(v)) return v.forEach((b, i) => walk(b, joinPointer(pointer, i)));
    if (!isObject2(v)) return;
    const t = v["type"];
    if (typeof t === "string" && NAMED.has(t) && typeof v["name"] === "string") {
      namedType(v, t, v["name"], pointer);
      return;
    }
    if (t === "array" && v["items"] !== void 0) walk(v["items"], `${pointer}/items`);
    else if (t === "map" && v["values"] !== void 0) walk(v["values"], `${pointer}/values`);
    else if (t !== void 0 && typeof t !== "string") walk(t, `${pointer}/type`);
  };
  const namedType = (v, kind, name, pointer) => {
    const dot = name.lastIndexOf(".");
    const short = name.slice(dot + 1);
    const namespace = dot >= 0 ? name.slice(0, dot) : v["namespace"];
    if (!isInCase(short, "PascalCase"))
      out.push({
        rule: "TYPE_NAME_CASE",
        pointer: `${pointer}/name`,
        message: `${kind} name '${short}' is not PascalCase`,
        fix: `rename it to '${toPascal(short)}' (a rename needs an alias to stay compatible)`
      });
    if (typeof namespace === "string" && namespace !== "" && !namespacePattern.test(namespace))
      out.push({
        rule: "NAMESPACE_PATTERN",
        pointer: dot >= 0 ? `${pointer}/name` : `${pointer}/namespace`,
        message: `namespace '${namespace}' does not match ${options.namespace}`,
        fix: "use a namespace the pattern accepts (lint.namespace in schemagate.yaml)"
      });
    if (kind === "enum" && v["default"] === void 0)
      out.push({
        rule: "ENUM_DEFAULT_MISSING",
        pointer,
        message: `enum '${short}' has no default symbol: a reader that meets a symbol added later fails`,
        fix: 'add "default" with the symbol old readers should use for symbols they do not know (such as "UNKNOWN")'
      });
    const fields = v["fields"];
    if (!Array.isArray(fields)) return;
    const names = fields.map((f) => isObject2(f) && typeof f["name"] === "string" ? f["name"] : "");
    fields.forEach((f, i) => {
      if (!isObject2(f)) return;
      const fp = `${pointer}/fields/${i}`;
      const fieldName = names[i];
      if (fieldName !== "" && !isInCase(fieldName, options.fieldCase))
        out.push({
          rule: "FIELD_NAME_CASE",
          pointer: `${fp}/name`,
          message: `field '${fieldName}' of '${short}' is not ${options.fieldCase}`,
          fix: `rename it (lint.fieldCase is ${options.fieldCase}); a rename needs an alias to stay compatible`
        });
      if (f["type"] !== void 0) walk(f["type"], `${fp}/type`);
    });
    for (const c of caseClashes(names))
      out.push({
        rule: "FIELD_NAME_CASE_CLASH",
        pointer: `${pointer}/fields/${c.index}/name`,
        message: `field '${names[c.index]}' of '${short}' differs from field '${c.other}' only by case`,
        fix: "give one of them another name: languages and stores that ignore case see one field"
      });
  };
  walk(schema, "");
  return out;
}
function toPascal(name) {
  return name.split(/[_\-\s]+/).filter((p) => p !== "").map((p) => p[0].toUpperCase() + p.slice(1)).join("");
}

// src/lint/jsonschema.ts
var isObject3 = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function lintJsonSchema(schema, options) {
  const out = [];
  const walk = (v, pointer) => {
    if (Array.isArray(v)) return v.forEach((b, i) => walk(b, joinPointer(pointer, i)));
    if (!isObject3(v)) return;
    const props = v["properties"];
    if (isObject3(props)) {
      const names = Object.keys(props);
      const at = (name) => joinPointer(joinPointer(pointer, "properties"), name);
      for (const name of names)
        if (!isInCase(name, options.fieldCase))
          out.push({
            rule: "FIELD_NAME_CASE",
            pointer: at(name),
            message: `property '${name}' is not ${options.fieldCase}`,
            fix: `rename it (lint.fieldCase is ${options.fieldCase})`
          });
      for (const c of caseClashes(names))
        out.push({
          rule: "FIELD_NAME_CASE_CLASH",
          pointer: at(names[c.index]),
          message: `property '${names[c.index]}' differs from property '${c.other}' only by case`,
          fix: "give one of them another name: languages and stores that ignore case see one property"
        });
    }
    for (const [k, c] of Object.entries(v)) walk(c, joinPointer(pointer, k));
  };
  walk(schema, "");
  return out;
}

// src/lint/protobuf.ts
function lintProtobuf(proto, options) {
  const out = [];
  if (proto.packageName !== void 0 && !new RegExp(options.namespace, "u").test(proto.packageName))
    out.push({
      rule: "NAMESPACE_PATTERN",
      pointer: "",
      position: proto.packagePos ?? { line: 1, column: 1 },
      message: `package '${proto.packageName}' does not match ${options.namespace}`,
      fix: "use a package the pattern accepts (lint.namespace in schemagate.yaml)"
    });
  const walk = (t, outer) => {
    const full = outer === "" ? t.name : `${outer}.${t.name}`;
    if (!isInCase(t.name, "PascalCase"))
      out.push({
        rule: "TYPE_NAME_CASE",
        pointer: "",
        position: t.pos,
        message: `${t.kind} name '${t.name}' is not PascalCase`,
        fix: "rename it (the name is part of the wire contract for Any and the registry)"
      });
    if (t.kind === "enum") return;
    const fields = [...t.fields, ...t.oneOfs.flatMap((o) => o.fields)];
    for (const f of fields)
      if (!isInCase(f.name, "snake_case"))
        out.push({
          rule: "FIELD_NAME_CASE",
          pointer: "",
          position: f.pos,
          message: `field '${f.name}' of '${full}' is not snake_case (the Protobuf style)`,
          fix: "rename it: the tag, not the name, is on the wire, but the JSON mapping and generated code use the name"
        });
    const names = fields.map((f) => f.name);
    for (const c of caseClashes(names))
      out.push({
        rule: "FIELD_NAME_CASE_CLASH",
        pointer: "",
        position: fields[c.index].pos,
        message: `field '${names[c.index]}' of '${full}' differs from field '${c.other}' only by case`,
        fix: "give one of them another name"
      });
    for (const n of t.nestedTypes) walk(n, full);
  };
  for (const t of proto.types) walk(t, "");
  return out;
}

// src/lint/lint-schema.ts
function lintSchema(input, options) {
  const problems = [];
  const subject = subjectProblem(input, options);
  if (subject !== void 0) problems.push(subject);
  if (input.proto !== void 0) problems.push(...lintProtobuf(input.proto, options));
  if (input.value !== void 0) {
    problems.push(
      ...input.format === "avro" ? lintAvro(input.value, options) : lintJsonSchema(input.value, options)
    );
    const docWord = input.format === "avro" ? "doc" : "description";
    for (const m of missingDocs(input.format, input.value))
      problems.push({
        rule: "DOC_MISSING",
        pointer: m.pointer,
        message: `${m.what} has no ${docWord}`,
        fix: `add a "${docWord}" that says what it means`
      });
  }
  return problems.filter((p) => !isIgnored(input, p.rule, p.pointer));
}
function subjectProblem(input, options) {
  const { subject } = input;
  if (options.subjectStrategy === "topic") {
    if (/^.+-(key|value)$/.test(subject)) return void 0;
    return {
      rule: "SUBJECT_NAME",
      pointer: "",
      message: `subject '${subject}' is not {topic}-key or {topic}-value (the topic name strategy)`,
      fix: "name the file after its topic (naming: topic and schemas/<topic>/value.avsc), or give it a subject with a `subjects` rule"
    };
  }
  const name = recordName(input);
  if (name === void 0) return void 0;
  const expected = options.subjectStrategy === "record" ? name : `{topic}-${name}`;
  const ok = options.subjectStrategy === "record" ? subject === name : subject.endsWith(`-${name}`);
  if (ok) return void 0;
  return {
    rule: "SUBJECT_NAME",
    pointer: "",
    message: `subject '${subject}' is not ${expected} (the ${options.subjectStrategy} name strategy)`,
    fix: `give the file the subject ${expected} with a \`subjects\` rule`
  };
}
function recordName(input) {
  if (input.value === void 0) return void 0;
  if (input.format === "avro") return topLevelName(input.value);
  const v = input.value;
  return v !== null && typeof v === "object" && !Array.isArray(v) && typeof v["title"] === "string" ? v["title"] : void 0;
}
function isIgnored(input, rule, pointer) {
  if (input.value === void 0) {
    for (const m of input.text.matchAll(/schemagate:ignore\s+([A-Z0-9_, ]+)/g))
      if (m[1].split(/[\s,]+/).includes(rule)) return true;
    return false;
  }
  let v = input.value;
  const tokens = pointer === "" ? [] : pointer.slice(1).split("/");
  for (let i = 0; ; i++) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const ignore = v[IGNORE_PROPERTY];
      if (Array.isArray(ignore) && ignore.includes(rule)) return true;
    }
    const token = tokens[i];
    if (token === void 0 || v === null || typeof v !== "object") return false;
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    v = Array.isArray(v) ? v[Number(key)] : v[key];
  }
}

// src/lint/findings.ts
function lintRunsInCheck(config) {
  return config.lint.check || config.lint.requireDoc;
}
function lintFindings(file, subject, loaded, config, run) {
  const { lint } = config;
  const problems = lintSchema(
    {
      format: loaded.format,
      subject,
      value: loaded.doc?.value,
      text: loaded.text,
      ...loaded.format === "protobuf" ? { proto: loaded.schema.proto } : {}
    },
    {
      fieldCase: lint.fieldCase,
      namespace: lint.namespace ?? DEFAULT_NAMESPACE,
      subjectStrategy: lint.subjectStrategy
    }
  );
  const out = [];
  for (const p of problems) {
    const severity = severityOf(p.rule, config, run);
    if (severity === void 0) continue;
    const pos = p.position ?? loaded.handler.locate(loaded.schema, p.pointer);
    out.push({
      rule: p.rule,
      severity,
      path: p.pointer,
      file,
      line: pos.line,
      column: pos.column,
      version: null,
      commit: null,
      message: p.message,
      fix: p.fix
    });
  }
  return out;
}
function severityOf(rule, config, run) {
  if (run.inCheck && !config.lint.check && !(rule === "DOC_MISSING" && config.lint.requireDoc))
    return void 0;
  const configured = config.lint.rules[rule] ?? "warning";
  if (configured === "off") return void 0;
  return run.strict && configured === "warning" ? "error" : configured;
}

export {
  lintRunsInCheck,
  lintFindings
};
