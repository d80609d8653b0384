// src/cli/commands/progress.ts
function progressBar(io) {
  let drawn = false;
  return {
    update(done, total, label) {
      const width = 24;
      const filled = total === 0 ? width : Math.round(done / total * width);
      io.stderr(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr(`\r${" ".repeat(80)}\r`);
    }
  };
}

export {
  progressBar
};
