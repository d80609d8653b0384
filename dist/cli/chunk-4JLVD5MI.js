import {
  directionsOf,
  isTransitive
} from "./chunk-KVYAH4SS.js";

// src/compat/check.ts
function checkCompatibility(level, candidate, previous, check) {
  const findings = [];
  const directions = directionsOf(level);
  if (directions.length > 0 && previous.length > 0) {
    const first = isTransitive(level) ? 0 : previous.length - 1;
    for (let i = previous.length - 1; i >= first; i--) {
      const old = previous[i];
      for (const direction of directions) {
        const pair = direction === "new-reads-old" ? check(candidate, old, { reader: "new", writer: "old" }) : check(old, candidate, { reader: "old", writer: "new" });
        for (const f of pair) findings.push({ ...f, version: i + 1, direction });
      }
    }
  }
  return { compatible: findings.length === 0, level, findings };
}

export {
  checkCompatibility
};
