import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard } from "@/test/guards";
import { callRoute } from "@/test/http";
import { DELETE as deleteSchedule, PUT as putSchedule } from "../business-hours/[scheduleId]/route";
import { GET as listSchedules, POST as createSchedule } from "../business-hours/route";
import { DELETE as deletePolicy, GET as getPolicy, PUT as putPolicy } from "./[policyId]/route";
import { GET as listPolicies, POST as createPolicy } from "./route";

const db = useTestDatabase();
const OFFICE = {
  name: "Office",
  timeZone: "Europe/Berlin",
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  holidays: ["2026-12-25"],
};

describe("business hours and SLA policies over REST", () => {
  it("let owners write and members read", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const refused = await callRoute(createSchedule, "POST", "/", { token: a.member.token, params, body: OFFICE });
    expect(refused.status).toBe(403);
    const schedule = await callRoute(createSchedule, "POST", "/", { token: a.owner.token, params, body: OFFICE });
    expect(schedule.status).toBe(201);
    expect(schedule.json).toMatchObject({ name: "Office", timeZone: "Europe/Berlin", intervals: OFFICE.intervals, holidays: ["2026-12-25"] });
    expect((await callRoute(listSchedules, "GET", "/", { token: a.member.token, params })).json).toEqual([schedule.json]);

    const body = { name: "Urgent", priority: "urgent", scheduleId: schedule.json.id, firstResponseMinutes: 30, resolutionMinutes: 480 };
    expect((await callRoute(createPolicy, "POST", "/", { token: a.member.token, params, body })).status).toBe(403);
    const policy = await callRoute(createPolicy, "POST", "/", { token: a.owner.token, params, body });
    expect(policy.status).toBe(201);
    expect(policy.json).toMatchObject({ ...body, mailboxId: null, nextResponseMinutes: null });
    expect((await callRoute(createPolicy, "POST", "/", { token: a.owner.token, params, body })).status).toBe(409);
    const one = { ...params, policyId: policy.json.id };
    expect((await callRoute(getPolicy, "GET", "/", { token: a.member.token, params: one })).json).toEqual(policy.json);
    expect((await callRoute(listPolicies, "GET", "/", { token: a.member.token, params })).json).toEqual([policy.json]);
    const changed = await callRoute(putPolicy, "PUT", "/", { token: a.owner.token, params: one, body: { ...body, firstResponseMinutes: 15 } });
    expect(changed.json).toMatchObject({ firstResponseMinutes: 15 });

    const inUse = await callRoute(deleteSchedule, "DELETE", "/", { token: a.owner.token, params: { ...params, scheduleId: schedule.json.id } });
    expect(inUse.status).toBe(409);
    expect((await callRoute(deletePolicy, "DELETE", "/", { token: a.member.token, params: one })).status).toBe(403);
    expect((await callRoute(deletePolicy, "DELETE", "/", { token: a.owner.token, params: one })).json).toEqual({ id: policy.json.id, deleted: true });
    expect((await callRoute(getPolicy, "GET", "/", { token: a.owner.token, params: one })).status).toBe(404);
  });

  it("answer 422 naming the fields, and 404 for another workspace's schedule or policy", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const bad = await callRoute(createSchedule, "POST", "/", {
      token: a.owner.token,
      params,
      body: { name: "", timeZone: "Mars/Olympus", intervals: [{ weekday: 1, start: "17:00", end: "09:00" }], holidays: ["25.12.2026"] },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.details.fields).sort()).toEqual(["holidays.0", "intervals.0.end", "name", "timeZone"]);
    const overlap = await callRoute(createSchedule, "POST", "/", {
      token: a.owner.token,
      params,
      body: {
        ...OFFICE,
        intervals: [
          { weekday: 1, start: "09:00", end: "12:00" },
          { weekday: 1, start: "11:00", end: "13:00" },
        ],
      },
    });
    expect(overlap.status).toBe(422);

    const theirs = await callRoute(createSchedule, "POST", "/", { token: b.owner.token, params: { workspaceId: b.workspace.id }, body: OFFICE });
    const foreign = await callRoute(createPolicy, "POST", "/", {
      token: a.owner.token,
      params,
      body: { name: "X", priority: "low", scheduleId: theirs.json.id, resolutionMinutes: 60 },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.details.fields).toHaveProperty("scheduleId");
    const noTarget = await callRoute(createPolicy, "POST", "/", {
      token: a.owner.token,
      params,
      body: { name: "X", priority: "low", scheduleId: theirs.json.id },
    });
    expect(noTarget.status).toBe(422);
    const put = await callRoute(putSchedule, "PUT", "/", { token: a.owner.token, params: { ...params, scheduleId: theirs.json.id }, body: OFFICE });
    expect(put.status).toBe(404);
    await expectWorkspaceGuard(listPolicies, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(listSchedules, "GET", { params, outsiderToken: b.owner.token });
  });
});
