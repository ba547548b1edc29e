import type { Metadata } from "next";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSurvey, type SurveyDto } from "@/server/satisfaction/rate";
import { ratingSchema } from "@/server/satisfaction/satisfaction.schema";
import { RatingForm } from "./rating-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "How did we do?", robots: { index: false } };

/**
 * The page a survey email's links open, without sign-in. It records nothing by itself: a link
 * scanner that fetches every link of an email must not rate the ticket, so the browser sends the
 * chosen rating once the page runs.
 */
export default async function RatePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ rating?: string }> }) {
  const { token } = await params;
  const chosen = ratingSchema.safeParse((await searchParams).rating);
  let survey: SurveyDto | null = null;
  try {
    survey = await getSurvey(db(), token);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {survey ? (
          <>
            <p className="text-sm text-slate-600">{survey.workspaceName}</p>
            <h1 className="mb-1 text-xl font-semibold">How did we do?</h1>
            <p className="mb-4 text-sm text-slate-700">
              Your request #{survey.ticketNumber}: {survey.subject}
            </p>
            <RatingForm token={token} initial={survey} chosen={chosen.success ? chosen.data : null} />
          </>
        ) : (
          <>
            <h1 className="mb-2 text-xl font-semibold">This link does not work</h1>
            <p className="text-sm text-slate-700">It may be incomplete: try the link from the email again.</p>
          </>
        )}
      </div>
    </main>
  );
}
