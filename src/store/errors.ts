import { StoreError } from "../errors.js";

/** Vietnamese texts a user may see when the store fails, kept together. */
export const STORE_MESSAGES = {
  openFailed: "Không mở được kho tài liệu. Vui lòng báo quản trị viên.",
  schemaTooNew: "Kho tài liệu được tạo bởi một phiên bản mới hơn của bot. Vui lòng cập nhật bot.",
  invalidInput: "Dữ liệu tài liệu không hợp lệ nên không lưu được vào kho.",
  vectorDimension: "Kích thước vector không khớp với mô hình nhúng đã lưu trong kho.",
  corrupt: "Kho tài liệu bị lỗi dữ liệu. Vui lòng báo quản trị viên.",
  closed: "Kho tài liệu đã đóng.",
  failure: "Kho tài liệu đang gặp sự cố, vui lòng thử lại sau.",
} as const;

export type StoreErrorKind = keyof typeof STORE_MESSAGES;

const CODES: Record<StoreErrorKind, string> = {
  openFailed: "store.open_failed",
  schemaTooNew: "store.schema_too_new",
  invalidInput: "store.invalid_input",
  vectorDimension: "store.vector_dimension",
  corrupt: "store.corrupt",
  closed: "store.closed",
  failure: "store.failure",
};

/** Builds a `StoreError` with a stable code, the Vietnamese user message, and the cause kept. */
export function storeError(
  kind: StoreErrorKind,
  message: string,
  options: { cause?: unknown; context?: Record<string, unknown> } = {},
): StoreError {
  return new StoreError(CODES[kind], STORE_MESSAGES[kind], {
    ...options,
    message: `${CODES[kind]}: ${message}`,
  });
}

/** Re-throws store errors as they are and wraps anything else (SQLite errors) as a failure. */
export function asStoreError(error: unknown, message: string, context?: Record<string, unknown>): StoreError {
  if (error instanceof StoreError) return error;
  return storeError("failure", message, { cause: error, context });
}
