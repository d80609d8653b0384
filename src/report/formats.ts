/** The report formats, apart from their renderers (a command checks its options before loading them). */
export const REPORT_FORMATS = ['text', 'json', 'github', 'junit', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
