/** Data that failed validation, with one readable line per problem. */
export class DataError extends Error {
  constructor(
    readonly subject: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid ${subject}: ${problems.join('; ')}`);
    this.name = 'DataError';
  }
}

/** The parts of a zod issue that say what is wrong (zod/mini's own message is "Invalid input"). */
export interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: string;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly exact?: boolean;
  readonly errors?: readonly (readonly Issue[])[];
}

function explain(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      return 'input' in issue && issue.input === undefined
        ? 'missing field'
        : `expected ${issue.expected ?? 'another type'}`;
    case 'invalid_value':
      return `expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union': {
      const values = (issue.errors ?? []).flat().flatMap((e) => e.values ?? []);
      return values.length > 0
        ? `expected ${values.map((v) => JSON.stringify(v)).join(' or ')}`
        : issue.message;
    }
    case 'invalid_format':
      return issue.pattern ? `does not match ${issue.pattern}` : `wrong format`;
    case 'too_small':
      return `expected ${issue.exact ? 'exactly' : 'at least'} ${String(issue.minimum)}`;
    case 'too_big':
      return `expected ${issue.exact ? 'exactly' : 'at most'} ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

export function describeIssues(issues: readonly Issue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const message = explain(issue);
    return path ? `${path}: ${message}` : message;
  });
}
