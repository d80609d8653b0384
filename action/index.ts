// The Action's entry point, bundled to dist/index.js. Every failure becomes one message and a failed step.
import * as core from '@actions/core';
import { isSchemagateError } from '../src/errors.js';
import { redact } from './inputs.js';
import { main } from './main.js';

main().catch(async (e: unknown) => {
  const message = isSchemagateError(e) ? e.format() : e instanceof Error ? e.message : String(e);
  core.setOutput('ok', 'false');
  core.setFailed(message);
  if (core.isDebug() && e instanceof Error && e.stack !== undefined) core.debug(e.stack);
  // The summary is where a reader of the run looks first; the runner does not mask it, so redact.
  try {
    await core.summary
      .addRaw(redact(`### ❌ schemagate could not run\n\n\`\`\`text\n${message}\n\`\`\`\n`))
      .write();
  } catch {
    // No GITHUB_STEP_SUMMARY outside a runner: the log has the message.
  }
});
