/**
 * The compact shape the community data files are written in: a question with its replies in
 * order. A reply is [author, markdown, options]; `to` is the index of the reply it answers
 * (absent: a direct answer), `votes` how many demo members upvoted it. ../demo-community.ts
 * turns these into the seed's DemoThread/DemoReply rows.
 */
export interface ReplyOptions {
  to?: number;
  votes?: number;
  helpful?: boolean;
}
export type Line = [author: string, body: string, options?: ReplyOptions];

export interface Conversation {
  key: string;
  author: string;
  title: string;
  body: string;
  tags: string[];
  hoursAgo: number;
  points: number;
  replies: Line[];
}
