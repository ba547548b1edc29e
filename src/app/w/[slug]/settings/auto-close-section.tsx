"use client";

import { NumberSettingForm } from "./number-setting-form";
import { Section } from "./section";
import type { WorkspaceInfo } from "./types";

/** How long a pending ticket waits for the customer before it closes itself. */
export function AutoCloseSection({ workspace, isOwner }: { workspace: WorkspaceInfo; isOwner: boolean }) {
  return (
    <Section
      id="auto-close"
      title="Pending tickets"
      description="A ticket set to pending closes itself after this many days unless the customer replies (the closing survey goes out as when an agent closes it)."
    >
      <NumberSettingForm
        workspace={workspace}
        isOwner={isOwner}
        setting="pendingAutoCloseDays"
        label="Close pending tickets after (days, 0 never)"
        max={365}
        saved="Auto-close saved."
        invalid="Enter a whole number of days from 0 to 365."
      />
    </Section>
  );
}
