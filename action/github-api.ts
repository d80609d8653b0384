import { getOctokit } from '@actions/github';

export interface IssueComment {
  id: number;
  body: string;
}

/** The three issue-comment calls the Action makes; an interface so the lifecycle reads without Octokit. */
export interface CommentsApi {
  list(issueNumber: number): Promise<IssueComment[]>;
  create(issueNumber: number, body: string): Promise<IssueComment>;
  update(commentId: number, body: string): Promise<IssueComment>;
}

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export function parseRepository(value: string | undefined): RepositoryRef {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? '');
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new Error(`GITHUB_REPOSITORY is '${value ?? ''}'; expected owner/repo`);
  }
  return { owner: match[1], repo: match[2] };
}

/** The REST API for issue comments through Octokit; GITHUB_API_URL selects the server (GitHub Enterprise too). */
export function githubCommentsApi(token: string, repository: RepositoryRef, baseUrl?: string): CommentsApi {
  const octokit = getOctokit(token, baseUrl === undefined ? {} : { baseUrl });
  const { owner, repo } = repository;
  return {
    async list(issueNumber) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return comments.map((c) => ({ id: c.id, body: c.body ?? '' }));
    },
    async create(issueNumber, body) {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return { id: data.id, body: data.body ?? '' };
    },
    async update(commentId, body) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
      return { id: data.id, body: data.body ?? '' };
    },
  };
}
