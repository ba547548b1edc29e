import { describe, expect, it } from "vitest";
import { mentionedUserIds, mentionParts, mentionToken, renderMentions } from "@/server/notifications/mentions";
import { encodeMentions } from "./use-mentions";

const ann = { id: "0b3c1a52-6a3e-4d0e-9a43-2a8f9a5f4a01", name: "Ann", email: "ann@x.test", role: "member" as const };
const annLee = { id: "0b3c1a52-6a3e-4d0e-9a43-2a8f9a5f4a02", name: "Ann Lee", email: "lee@x.test", role: "owner" as const };
const noName = { id: "0b3c1a52-6a3e-4d0e-9a43-2a8f9a5f4a03", name: null, email: "bo@x.test", role: "member" as const };

describe("mentions", () => {
  it("stores each '@name' of a member as their id, the longest name first, and leaves other text alone", () => {
    const encoded = encodeMentions("@Ann Lee and @Ann, cc @bo@x.test; mail ann@x.test or @Annette", [ann, annLee, noName]);
    expect(encoded).toBe(`${mentionToken(annLee.id)} and ${mentionToken(ann.id)}, cc ${mentionToken(noName.id)}; mail ann@x.test or @Annette`);
    expect(mentionedUserIds(encoded)).toEqual([annLee.id, ann.id, noName.id]);
  });

  it("shows the ids as names again, and splits text at them", () => {
    const text = `Hi ${mentionToken(ann.id)}, see ${mentionToken(noName.id)}`;
    expect(renderMentions(text, (id) => (id === ann.id ? "Ann" : null))).toBe("Hi @Ann, see @unknown");
    expect(mentionParts(text)).toEqual(["Hi ", { userId: ann.id }, ", see ", { userId: noName.id }]);
    expect(mentionedUserIds(`${mentionToken(ann.id)} ${mentionToken(ann.id.toUpperCase())}`)).toEqual([ann.id]);
  });
});
