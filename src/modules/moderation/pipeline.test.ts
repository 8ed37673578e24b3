import { describe, expect, it } from "vitest";
import type { Candidate } from "./phase.js";
import { moderate } from "./pipeline.js";

const now = new Date("2026-08-30T12:00:00Z");
const rules = {
  holdFirst: false,
  maxLinks: 2,
  blocklist: [],
  minFillSeconds: 3,
  burstMax: 5,
  burstMinutes: 10,
};

function candidate(
  over: Partial<Candidate> = {},
  facts: {
    approvedBefore?: boolean;
    duplicate?: boolean;
    recent?: number;
    ban?: { id: number; kind: "email" | "client"; mode: "hold" | "refuse" };
    addressProven?: boolean;
  } = {},
): Candidate {
  return {
    name: "Léa",
    website: null,
    body: "Merci pour cet article.",
    gifTitle: "",
    honeypot: "",
    formServedAt: new Date(now.getTime() - 30_000),
    now,
    settings: { ...rules, holdFirst: true },
    history: {
      authorProven: async () => facts.approvedBefore ?? true,
      addressProven: async () => facts.addressProven ?? true,
      earlierBodies: async () => (facts.duplicate ? ["MERCI pour cet\u200B article. "] : []),
      recentFromClient: async () => facts.recent ?? 0,
      activeBan: async () => facts.ban,
    },
    ...over,
  };
}

describe("moderation pipeline", () => {
  it("approves a known reader's ordinary comment, with no reasons", async () => {
    expect(await moderate(candidate())).toEqual({ outcome: "approved", reasons: [] });
  });

  it("holds a first comment and explains why", async () => {
    expect(await moderate(candidate({}, { approvedBefore: false }))).toEqual({
      outcome: "pending",
      reasons: [{ rule: "first-comment" }],
    });
  });

  it("collects every hold reason", async () => {
    const d = await moderate(
      candidate({ body: "http://a.fr http://b.fr http://c.fr" }, { approvedBefore: false }),
    );
    expect(d.outcome).toBe("pending");
    expect(d.reasons.map((r) => r.rule)).toEqual(["links", "first-comment"]);
  });

  it("lets spam win over a hold, and stops there", async () => {
    let asked = false;
    const d = await moderate(
      candidate({
        honeypot: "x",
        history: {
          authorProven: async () => {
            asked = true;
            return false;
          },
          addressProven: async () => false,
          earlierBodies: async () => [],
          recentFromClient: async () => 0,
          activeBan: async () => undefined,
        },
      }),
    );
    expect(d).toEqual({ outcome: "spam", reasons: [{ rule: "honeypot" }] });
    expect(asked).toBe(false);
  });

  it("refuses an exact duplicate", async () => {
    expect((await moderate(candidate({}, { duplicate: true }))).outcome).toBe("reject");
  });

  it("matches the blocklist in name, website, text and GIF title, ignoring case and accents", async () => {
    const settings = { ...rules, blocklist: ["Casino"], minFillSeconds: 0 };
    for (const over of [
      { name: "CASÍNO royal" },
      { website: "https://casino.example" },
      { body: "le casino" },
      { gifTitle: "Casino jackpot GIF" },
    ]) {
      expect(await moderate(candidate({ ...over, settings }))).toEqual({
        outcome: "spam",
        reasons: [{ rule: "blocklist", detail: "Casino" }],
      });
    }
  });

  it("catches forms posted too fast or without their stamp, unless the rule is off", async () => {
    expect(
      (await moderate(candidate({ formServedAt: new Date(now.getTime() - 1000) }))).outcome,
    ).toBe("spam");
    expect((await moderate(candidate({ formServedAt: undefined }))).reasons).toEqual([
      { rule: "fill-time", detail: "missing form stamp" },
    ]);
    const off = { ...rules, holdFirst: true, minFillSeconds: 0 };
    expect((await moderate(candidate({ formServedAt: undefined, settings: off }))).outcome).toBe(
      "approved",
    );
  });

  it("holds a burst from one client, counting this comment, unless the rule is off", async () => {
    expect((await moderate(candidate({}, { recent: 4 }))).outcome).toBe("approved");
    // The history counts no further than the limit: a flood costs each post the same.
    expect(await moderate(candidate({}, { recent: 5 }))).toEqual({
      outcome: "pending",
      reasons: [{ rule: "burst", detail: "over 5 in 10 min" }],
    });
    const off = { ...rules, burstMax: 0 };
    expect((await moderate(candidate({ settings: off }, { recent: 50 }))).outcome).toBe("approved");
  });

  it("holds or refuses a banned poster, as the ban says, before the duplicate rule", async () => {
    expect(await moderate(candidate({}, { ban: { id: 4, kind: "client", mode: "hold" } }))).toEqual(
      {
        outcome: "pending",
        reasons: [{ rule: "ban", detail: "client #4" }],
      },
    );
    // Refused: nothing after it runs, not even the duplicate rule that would refuse it too.
    expect(
      await moderate(
        candidate({}, { duplicate: true, ban: { id: 5, kind: "email", mode: "refuse" } }),
      ),
    ).toEqual({ outcome: "reject", reasons: [{ rule: "ban", detail: "email #5" }] });
  });

  it("refuses an address's ban only to a poster who shows the address is theirs", async () => {
    const banned = { id: 6, kind: "email", mode: "refuse" } as const;
    // Anyone else who types it is answered as any unknown address would be; the comment is spam.
    expect(await moderate(candidate({}, { ban: banned, addressProven: false }))).toEqual({
      outcome: "spam",
      reasons: [{ rule: "ban", detail: "email #6" }],
    });
    expect(
      (await moderate(candidate({}, { ban: { ...banned, kind: "client" }, addressProven: false })))
        .outcome,
    ).toBe("reject");
  });
});
