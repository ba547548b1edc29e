"use client";

import { useId } from "react";
import type { ContactListOption } from "@/trpc/types";
import { FIELD, FieldError, ICON_BUTTON } from "./form-parts";
import { CONDITION_TYPES, OPERATOR_LABELS, newCondition, type ConditionRow as Row, type ConditionType } from "./rule-form";

const PLACEHOLDER: Record<ConditionType, string> = { from_email: "", subject_contains: "urgent", body_contains: "refund", contact_list: "" };

/** One condition: what is checked, how, against what (a contact list is picked by name). */
export function ConditionRow(props: {
  index: number;
  row: Row;
  lists: ContactListOption[];
  error: string | undefined;
  onChange: (row: Row) => void;
  onRemove?: () => void;
}) {
  const { index, row, lists, error, onChange, onRemove } = props;
  const errorId = useId();
  const valueProps = { "aria-invalid": Boolean(error), "aria-describedby": error ? errorId : undefined, value: row.value, className: FIELD };
  const placeholder = row.type === "from_email" ? (row.operator === "domain" ? "acme.com" : "someone@acme.com") : PLACEHOLDER[row.type];

  return (
    <div role="group" aria-label={`Condition ${index + 1}`} className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
      <select
        aria-label="Condition type"
        value={row.type}
        onChange={(e) => onChange(newCondition(e.target.value as ConditionType))}
        className={`${FIELD} sm:w-44`}
      >
        {Object.entries(CONDITION_TYPES).map(([type, { label }]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Operator" value={row.operator} onChange={(e) => onChange({ ...row, operator: e.target.value })} className={`${FIELD} sm:w-40`}>
        {CONDITION_TYPES[row.type].operators.map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABELS[op]}
          </option>
        ))}
      </select>
      <div className="min-w-0 flex-1 basis-40">
        {row.type === "contact_list" ? (
          <select aria-label="Contact list" {...valueProps} onChange={(e) => onChange({ ...row, value: e.target.value })}>
            <option value="">Choose a list</option>
            {lists.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name} ({list.memberCount})
              </option>
            ))}
          </select>
        ) : (
          <input aria-label="Value" {...valueProps} placeholder={placeholder} onChange={(e) => onChange({ ...row, value: e.target.value })} />
        )}
        <FieldError id={errorId} message={error} />
      </div>
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label={`Remove condition ${index + 1}`} className={ICON_BUTTON}>
          ✕
        </button>
      )}
    </div>
  );
}
