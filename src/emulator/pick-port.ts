import { createServer } from "node:net";

/**
 * A TCP port that was free a moment ago on `host`: listen on port 0, read the port the
 * system chose, close. Another process could take it in between; tests use it to give
 * each test file its own port.
 */
export async function pickPort(host = "127.0.0.1"): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (port === 0) throw new Error(`could not find a free port on ${host}`);
  return port;
}
