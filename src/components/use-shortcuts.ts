"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

const NOT_TYPING_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "file"]);
const isTyping = (el: HTMLElement) =>
  el instanceof HTMLInputElement ? !NOT_TYPING_INPUTS.has(el.type) : el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable;
const ACTIVATES = new Set(["A", "BUTTON", "INPUT", "TEXTAREA", "SELECT", "SUMMARY"]);

/**
 * Single-key shortcuts (`j`, `?`, `Enter`, …) for a page. They stay out of the way while the user
 * types in a field, holds Ctrl/Cmd/Alt, or has a dialog open; Enter is left to focused controls.
 */
export function useShortcuts(handlers: Partial<Record<string, () => void>>) {
  const latest = useRef(handlers);
  // Layout effect: the next key press, however quick, must see this render's state.
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && isTyping(target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "Enter" && target && ACTIVATES.has(target.tagName)) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
