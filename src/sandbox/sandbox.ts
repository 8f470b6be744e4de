import { randomBytes } from "node:crypto";
import type { Config } from "../config.js";
import { type Emulator, type EmulatorUser, startEmulator } from "../emulator/index.js";

/** The cadre the person at the keyboard plays by default. */
export const SANDBOX_CADRE: EmulatorUser = {
  id: 700001,
  firstName: "Cán bộ",
  lastName: "Thử",
  username: "can_bo_thu",
};
/** Admin id used when ADMIN_USER_IDS is empty. */
export const DEFAULT_SANDBOX_ADMIN_ID = 700000;

export interface SandboxSetup {
  emulator: Emulator;
  /** A throwaway token: the emulator accepts any, and no real bot is involved. */
  token: string;
  cadre: EmulatorUser;
  admin: EmulatorUser;
  /** Config with the sandbox's users made admin / allowed (nothing is persisted). */
  config: Config;
}

/**
 * Prepares the local sandbox: a Bot API emulator on 127.0.0.1 (a free port), a token for
 * it, and the two people the terminal plays: a cadre (allowed to ask) and an admin (the
 * first ADMIN_USER_IDS, or a default id).
 */
export async function startSandbox(config: Config): Promise<SandboxSetup> {
  const emulator = await startEmulator({
    host: "127.0.0.1",
    port: 0,
    bot: { id: 700999, username: "nhatthe_sandbox_bot", firstName: "Nhất thể hóa (thử)" },
  });
  const adminId = config.ADMIN_USER_IDS[0] ?? DEFAULT_SANDBOX_ADMIN_ID;
  const admin: EmulatorUser = { id: adminId, firstName: "Quản trị", username: "quan_tri_thu" };
  const cadre = SANDBOX_CADRE;
  return {
    emulator,
    token: `${emulator.botInfo.id}:sandbox${randomBytes(12).toString("hex")}`,
    cadre,
    admin,
    config: {
      ...config,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ADMIN_USER_IDS: [...new Set([...config.ADMIN_USER_IDS, adminId])],
      ALLOWED_USER_IDS: [...new Set([...config.ALLOWED_USER_IDS, cadre.id])],
    },
  };
}
