import { describe, expect, it } from "vitest";
import { dueSentence, spanText } from "./sla-text";

const now = Date.parse("2026-01-05T10:00:00Z");

describe("SLA sentences", () => {
  it("say how long is left, or how long ago it was breached", () => {
    expect(dueSentence("First reply", "2026-01-05T12:10:00Z", now)).toBe("First reply due in 2 h 10 m");
    expect(dueSentence("Resolution", "2026-01-05T09:25:00Z", now)).toBe("Resolution breached 35 m ago");
    expect(dueSentence("Next reply", "2026-01-05T10:00:00Z", now)).toBe("Next reply breached 1 m ago");
  });

  it("show the two largest units", () => {
    expect(spanText(3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toBe("3 d 4 h");
    expect(spanText(86_400_000)).toBe("1 d");
    expect(spanText(2 * 3_600_000)).toBe("2 h");
    expect(spanText(20_000)).toBe("1 m");
  });
});
