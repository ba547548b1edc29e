"use client";

import { Modal } from "./modal";
import { Picker } from "./picker";
import type { Command } from "./commands";

/** The Ctrl/⌘+K dialog: type to narrow the page's commands, Enter runs one. */
export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  function run(id: string) {
    const command = commands.find((c) => c.id === id);
    onClose();
    // After the dialog has closed and given focus back, so a command that moves focus keeps it.
    if (command) setTimeout(command.run, 0);
  }
  return (
    <Modal open title="Commands" onClose={onClose}>
      <Picker label="Command" options={commands.map((c) => ({ value: c.id, label: c.label, hint: c.shortcut }))} onPick={run} />
    </Modal>
  );
}
