"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { errorSentence } from "@/components/error-sentence";
import type { SurveyDto } from "@/server/satisfaction/rate";
import { RATING_WORDS, RATINGS, type Rating } from "@/server/satisfaction/satisfaction.schema";

type State = { rating: Rating | null; comment: string; saved: "rating" | "comment" | null; error: string | null; busy: boolean };

/** The three ratings and a comment box; the rating the email's link named is sent as soon as the page runs. */
export function RatingForm({ token, initial, chosen }: { token: string; initial: SurveyDto; chosen: Rating | null }) {
  const [state, setState] = useState<State>({
    rating: chosen ?? (initial.rating as Rating | null),
    comment: initial.comment ?? "",
    saved: null,
    error: null,
    busy: false,
  });
  const sentChosen = useRef(false);

  async function send(rating: Rating, comment: string | undefined, saved: State["saved"]) {
    setState((s) => ({ ...s, rating, busy: true, error: null }));
    try {
      const response = await fetch(`/api/rate/${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(comment === undefined ? { rating } : { rating, comment }),
      });
      const answer = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; details?: unknown } };
      if (!response.ok) throw Object.assign(new Error(answer.error?.message ?? `HTTP ${response.status}`), { data: answer.error ?? null });
      setState((s) => ({ ...s, busy: false, saved }));
    } catch (error) {
      setState((s) => ({ ...s, busy: false, error: errorSentence(error) }));
    }
  }

  useEffect(() => {
    if (chosen && !sentChosen.current) {
      sentChosen.current = true;
      void send(chosen, undefined, "rating");
    }
    // Once, on the first run of the page (the ref keeps a development double run from sending twice).
  }, []);

  function submitComment(event: FormEvent) {
    event.preventDefault();
    if (state.rating) void send(state.rating, state.comment, "comment");
  }

  return (
    <form onSubmit={submitComment} aria-label="Rate our reply" className="space-y-4">
      <div role="group" aria-label="Your rating" className="flex gap-2">
        {RATINGS.map((rating) => (
          <button
            key={rating}
            type="button"
            aria-pressed={state.rating === rating}
            disabled={state.busy}
            onClick={() => void send(rating, undefined, "rating")}
            className={`flex-1 rounded-md border px-3 py-2 text-sm font-medium ${state.rating === rating ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 hover:bg-slate-50"}`}
          >
            {RATING_WORDS[rating]}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-green-800">
        {state.saved === "rating" && "Thank you! Your rating is recorded."}
        {state.saved === "comment" && "Thank you! Your comment is recorded."}
      </p>
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <label className="block text-sm">
        <span className="mb-1 block text-slate-700">Anything you want to tell us? (optional)</span>
        <textarea
          value={state.comment}
          onChange={(e) => setState((s) => ({ ...s, comment: e.target.value, saved: null }))}
          rows={3}
          maxLength={2000}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5"
        />
      </label>
      <button
        type="submit"
        disabled={!state.rating || state.busy}
        className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
      >
        Send comment
      </button>
    </form>
  );
}
