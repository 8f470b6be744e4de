/** Why a cadre voted 👎, as the buttons offer it. Stored as these codes. */
export const FEEDBACK_REASONS = ["wrong_source", "off_question", "incomplete", "outdated", "other"] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export function isFeedbackReason(value: string): value is FeedbackReason {
  return (FEEDBACK_REASONS as readonly string[]).includes(value);
}
