import { isAppError } from "../errors.js";

/** An error as it crosses a worker thread's boundary (the structured clone drops classes). */
export interface SerializedError {
  name: string;
  message: string;
  /** Present for AppError: what the user is shown. */
  code?: string;
  userMessage?: string;
  context?: Record<string, unknown>;
}

/** What a worker posts for an error: the AppError's code, user message and plain context kept. */
export function serializeError(error: unknown): SerializedError {
  if (isAppError(error)) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      userMessage: error.userMessage,
      context: safeContext(error.context),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

/** Keeps only what the structured clone can carry (context values are plain data by convention). */
function safeContext(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  try {
    return structuredClone({ ...context });
  } catch {
    return {};
  }
}
