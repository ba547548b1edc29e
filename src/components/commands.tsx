"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
// Not lazy: keys typed right after Ctrl/⌘+K must reach the palette, not the page behind it.
import { CommandPalette } from "./command-palette";
import { confirmLeave } from "./unsaved-changes";

/** One thing the person can do on the page, as the Ctrl/⌘+K palette lists it. */
export interface Command {
  id: string;
  label: string;
  /** The key that does the same, shown beside it. */
  shortcut?: string;
  run: () => void;
}

type Registry = Map<string, Command[]>;
const CommandsContext = createContext<Registry | null>(null);

/**
 * The page's commands for the palette: registered while the component is mounted, always as of its
 * latest render (so a command acts on what the page shows now).
 */
export function useCommands(commands: Command[]) {
  const registry = useContext(CommandsContext);
  const owner = useId();
  useLayoutEffect(() => {
    registry?.set(owner, commands);
  });
  useEffect(() => () => void registry?.delete(owner), [registry, owner]);
}

/** Going to another part of the workspace, on every page. */
function navigationCommands(workspaceSlug: string, go: (href: string) => void): Command[] {
  const sections: [string, string][] = [
    ["inbox", "Inbox"],
    ["incoming", "Incoming mail"],
    ["automations", "Automations"],
    ["outbox", "Outbox"],
    ["settings", "Settings"],
  ];
  return sections.map(([path, name]) => ({ id: `go:${path}`, label: `Go to ${name}`, run: () => go(`/w/${workspaceSlug}/${path}`) }));
}

/** Ctrl/⌘+K anywhere in the workspace (even while typing) opens the palette of the page's commands. */
export function CommandsProvider({ workspaceSlug, children }: { workspaceSlug: string; children: ReactNode }) {
  const registry = useRef<Registry>(new Map()).current;
  const router = useRouter();
  const [commands, setCommands] = useState<Command[] | null>(null);
  const everyCommand = useRef<() => Command[]>(() => []);
  useLayoutEffect(() => {
    everyCommand.current = () => [...[...registry.values()].flat(), ...navigationCommands(workspaceSlug, (href) => confirmLeave() && router.push(href))];
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      setCommands((open) => (open ? null : everyCommand.current()));
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [registry]);

  return (
    <CommandsContext.Provider value={registry}>
      {children}
      {commands && <CommandPalette commands={commands} onClose={() => setCommands(null)} />}
    </CommandsContext.Provider>
  );
}
