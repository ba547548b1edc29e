"use client";

import { NumberSettingForm } from "./number-setting-form";
import { Section } from "./section";
import type { WorkspaceInfo } from "./types";

/** The undo window of agents' replies. */
export function SendingSection({ workspace, isOwner }: { workspace: WorkspaceInfo; isOwner: boolean }) {
  return (
    <Section id="sending" title="Sending" description="An emailed reply waits this long before it goes out; until then its author can undo it.">
      <NumberSettingForm
        workspace={workspace}
        isOwner={isOwner}
        setting="undoSendSeconds"
        label="Undo window (seconds, 0 sends at once)"
        max={60}
        saved="Undo window saved."
        invalid="Enter a whole number of seconds from 0 to 60."
      />
    </Section>
  );
}
