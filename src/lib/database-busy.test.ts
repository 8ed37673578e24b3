import { describe, expect, it } from "vitest";
import {
  DatabaseBusy,
  DatabaseUnreachable,
  isDatabaseBusy,
  isDatabaseUnreachable,
} from "./database-busy.js";

const coded = (code: string) => Object.assign(new Error(code), { code });

describe("what says the database is out of reach", () => {
  it("takes PostgreSQL's own codes and the engine's word for it", () => {
    for (const code of ["53300", "57P01", "57P03", "08006"])
      expect(isDatabaseUnreachable(coded(code)), code).toBe(true);
    expect(isDatabaseUnreachable(new DatabaseUnreachable("lost", undefined, "ECONNRESET"))).toBe(
      true,
    );
  });

  it("does not take the network's codes alone: a reader's aborted upload ends with them", () => {
    // What Node's HTTP server gives a request whose client went away mid-body.
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET", statusCode: 400 });
    expect(isDatabaseUnreachable(aborted)).toBe(false);
    for (const code of ["EPIPE", "ETIMEDOUT", "ECONNREFUSED"])
      expect(isDatabaseUnreachable(coded(code)), code).toBe(false);
  });

  it("keeps busy and unreachable apart", () => {
    expect(isDatabaseBusy(coded("53300"))).toBe(false);
    expect(isDatabaseUnreachable(new DatabaseBusy("pool"))).toBe(false);
    expect(isDatabaseUnreachable(coded("40001"))).toBe(false);
  });
});
