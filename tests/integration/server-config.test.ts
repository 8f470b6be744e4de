import { afterEach, describe, expect, it } from "vitest";
import { type MainProcess, spawnMain, TOKEN } from "./server-process.js";

describe("src/main.ts with a bad configuration", () => {
  let main: MainProcess | undefined;

  afterEach(async () => {
    await main?.cleanup();
    main = undefined;
  });

  it("exits 1 and names every problem on stderr, starting nothing", async () => {
    main = await spawnMain({
      TELEGRAM_BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "",
      ACCESS_MODE: "bogus",
      PORT: "99999",
    });
    expect(await main.exited).toBe(1);
    const stderr = main.stderr();
    expect(stderr).toContain("Invalid configuration");
    for (const key of ["ACCESS_MODE", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT"])
      expect(stderr).toMatch(new RegExp(`^  - ${key}: `, "m"));
    expect(main.stdout()).toBe("");
    expect(stderr).not.toContain(TOKEN);
  }, 30_000);
});
