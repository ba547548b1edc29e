import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { fromMailReport } from "@/server/delivery/delivery-event";
import { mailReportSchema } from "@/server/delivery/delivery.schema";
import { recordDeliveryEvent } from "@/server/delivery/record-delivery-event";
import { parseJsonBody } from "@/server/http/body";
import { errorResponse } from "@/server/http/errors";

// POST /mail-report — a generic delivery report {messageId, recipient, status, reason} (SPEC §2.4).
export async function POST(request: Request) {
  try {
    const report = await parseJsonBody(request, mailReportSchema);
    return NextResponse.json(await recordDeliveryEvent(db(), fromMailReport(report, new Date())));
  } catch (error) {
    return errorResponse(error);
  }
}
