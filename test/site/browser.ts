import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium (Debian's `chromium` package); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches the system Chromium, or fails with what to install: these tests never skip. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the docs-site tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH); it is missing`,
    );
  return chromium.launch({ executablePath: CHROMIUM });
}
