"use client";

import type { ReactNode } from "react";
import { Modal } from "@/components/modal";
import { BUTTON, DANGER } from "./ui";

/** Asks before a destructive change; the confirm button takes focus. */
export function ConfirmDialog(props: { open: boolean; title: string; confirmLabel: string; onConfirm: () => void; onClose: () => void; children: ReactNode }) {
  const { open, title, confirmLabel, onConfirm, onClose, children } = props;
  return (
    <Modal open={open} title={title} onClose={onClose}>
      <p className="text-sm text-slate-700">{children}</p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={BUTTON} onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          data-autofocus
          className={DANGER}
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
