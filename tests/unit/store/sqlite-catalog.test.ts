import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../../src/store/sqlite.js";
import { createSqliteCatalog } from "../../../src/store/sqlite-catalog.js";
import { describeCatalogContract } from "../../contract/catalog.contract.js";

describeCatalogContract("sqlite (in memory)", async () => {
  const catalog = createSqliteCatalog({ db: openDatabase(":memory:"), ownsDatabase: true });
  return { catalog, cleanup: () => catalog.close() };
});

describeCatalogContract("sqlite (file, WAL)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nhatthe-catalog-"));
  const catalog = createSqliteCatalog({ db: openDatabase(join(dir, "catalog.db")), ownsDatabase: true });
  return {
    catalog,
    cleanup: async () => {
      await catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
