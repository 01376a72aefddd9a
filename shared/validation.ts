import type { z } from 'zod';

export interface FieldIssue {
  field: string;
  message: string;
}

/** Turns zod issues into "field: why" pairs, shared by the API and the forms. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
