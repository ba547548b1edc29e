"use client";

import { useEffect } from "react";

/**
 * Forms holding edits that are not saved yet. A reload or a closed tab asks through the browser's
 * own prompt (beforeunload); a move inside the app asks through confirmLeave, which every in-app
 * navigation calls first. The set lives on globalThis: a bundler may load this module more than once.
 */
const store = globalThis as { threadlineUnsavedForms?: Set<symbol> };
const unsavedForms = (store.threadlineUnsavedForms ??= new Set<symbol>());

export const LEAVE_QUESTION = "You have changes that are not saved. Leave and lose them?";

function askBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Chromium before 119 shows the prompt only when returnValue is set.
  event.returnValue = "";
}

/** While `dirty`, leaving the page asks first. */
export function useUnsavedChanges(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const form = Symbol("unsaved form");
    unsavedForms.add(form);
    window.addEventListener("beforeunload", askBeforeUnload);
    return () => {
      unsavedForms.delete(form);
      window.removeEventListener("beforeunload", askBeforeUnload);
    };
  }, [dirty]);
}

/** True when nothing unsaved would be lost, or the person agreed to lose it. */
export function confirmLeave(): boolean {
  return unsavedForms.size === 0 || window.confirm(LEAVE_QUESTION);
}
