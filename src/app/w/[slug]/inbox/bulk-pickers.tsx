"use client";

import { Modal } from "@/components/modal";
import { Picker } from "@/components/picker";
import type { Member, TagOption } from "@/trpc/types";

export type BulkPicker = "assign" | "tag" | null;

/** The assign-to and tag-with choosers of the bulk actions (type, ↑/↓, Enter). */
export function BulkPickers(props: {
  open: BulkPicker;
  count: number;
  members: Member[];
  tags: TagOption[];
  onAssign: (member: Member | null) => void;
  onTag: (name: string) => void;
  onClose: () => void;
}) {
  const { open, count, members, tags, onAssign, onTag, onClose } = props;
  const noun = `${count} ticket${count === 1 ? "" : "s"}`;
  return (
    <>
      <Modal open={open === "assign"} title={`Assign ${noun}`} onClose={onClose}>
        <Picker
          label="Assign to"
          options={[{ value: "none", label: "Unassigned" }, ...members.map((m) => ({ value: m.id, label: m.name ?? m.email, hint: m.email }))]}
          onPick={(id) => onAssign(members.find((m) => m.id === id) ?? null)}
        />
      </Modal>
      <Modal open={open === "tag"} title={`Tag ${noun}`} onClose={onClose}>
        <Picker label="Tag with" options={tags.map((t) => ({ value: t.name, label: t.name }))} onPick={onTag} onCreate={onTag} />
      </Modal>
    </>
  );
}
