// The Action's entry point, bundled to dist/index.js. Every failure becomes one message and a failed step.
import * as core from '@actions/core';
import { isSchemagateError } from '../src/errors.js';
import { main } from './main.js';

main().catch((e: unknown) => {
  core.setFailed(isSchemagateError(e) ? e.format() : e instanceof Error ? e.message : String(e));
  if (core.isDebug() && e instanceof Error && e.stack !== undefined) core.debug(e.stack);
});
