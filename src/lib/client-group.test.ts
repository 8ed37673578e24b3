import { describe, expect, it } from "vitest";
import { clientGroup } from "./client-group.js";

describe("clientGroup", () => {
  it("keeps an IPv4 address", () => {
    expect(clientGroup("198.51.100.7")).toBe("198.51.100.7");
  });

  it("takes an IPv6 address's /64, however it is written", () => {
    const one = clientGroup("2001:db8:1:2::1");
    expect(one).toBe("2001:db8:1:2::/64");
    for (const same of [
      "2001:0DB8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:db8:1:2:a:b:c:d",
      "2001:db8:1:2::192.0.2.1",
      "2001:db8:1:2::1%eth0",
    ])
      expect(clientGroup(same), same).toBe(one);
    expect(clientGroup("2001:db8:1:3::1")).not.toBe(one);
    expect(clientGroup("::1")).toBe("0:0:0:0::/64");
  });

  it("takes an IPv4-mapped address as the IPv4 client it is", () => {
    expect(clientGroup("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientGroup("::FFFF:c633:6407")).toBe("198.51.100.7");
  });
});
