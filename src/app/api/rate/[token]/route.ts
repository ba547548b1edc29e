import { NextResponse } from "next/server";
import { clientIp } from "@/server/auth/client-ip";
import { db } from "@/server/db";
import { appConfig } from "@/env";
import { parseJsonBody } from "@/server/http/body";
import { errorResponse } from "@/server/http/errors";
import { otherMethods } from "@/server/http/methods";
import { rateTicket } from "@/server/satisfaction/rate";
import { rateTicketSchema } from "@/server/satisfaction/satisfaction.schema";

// POST /api/rate/:token — public: the customer's answer to a satisfaction survey (the link's token is the key).
export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await context.params;
    const input = await parseJsonBody(request, rateTicketSchema);
    const ip = clientIp(request.headers.get("x-forwarded-for"), appConfig().TRUST_PROXY);
    return NextResponse.json(await rateTicket(db(), token, input, ip));
  } catch (error) {
    return errorResponse(error);
  }
}
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
