import { createEmbeddedStore } from "../../../src/store/embedded-store.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import { describeSearchIndexContract } from "../../contract/search-index.contract.js";

describeSearchIndexContract("embedded postings", async () => {
  const store = createEmbeddedStore({ db: openDatabase(":memory:"), ownsDatabase: true });
  return { index: store.index, store, cleanup: () => store.close() };
});
