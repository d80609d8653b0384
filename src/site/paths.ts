import { subjectPage } from './html.js';

/** Where the site writes a subject's page, from the site's root: `subjects/orders-value.html`. */
export function subjectPagePath(subject: string): string {
  return `subjects/${subjectPage(subject)}`;
}

/**
 * The link to a subject's diff on a deployed site: its page at the comparison, which shows the last step
 * (the newest two versions) by default. `siteUrl` is the site's root, with or without a trailing slash.
 */
export function subjectDiffUrl(siteUrl: string, subject: string): string {
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return `${root}${encodeURI(subjectPagePath(subject))}#compare`;
}
