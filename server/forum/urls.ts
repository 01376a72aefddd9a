/** Client routes the API links to (see shared/api/threads.ts). */
export const threadUrl = (threadId: string) => `/q/${threadId}`;
export const replyUrl = (threadId: string, replyId: string) => `/q/${threadId}/r/${replyId}`;
