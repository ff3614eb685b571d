import type { PolicyIssue } from '@lib/policy';

/** One policy issue on one line, as `tamiz policy lint` prints it: `path — es / en`. */
export function formatIssue(issue: Pick<PolicyIssue, 'path' | 'es' | 'en'>): string {
  return `${issue.path === '' ? '/' : issue.path} — ${issue.es} / ${issue.en}`;
}
