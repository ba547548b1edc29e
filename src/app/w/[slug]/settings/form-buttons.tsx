import { BUTTON, PRIMARY } from "./ui";

/** A create-or-edit form's buttons: the submit names what it does; Cancel leaves an edit. */
export function FormButtons({ label, disabled, onCancel }: { label: string; disabled: boolean; onCancel: (() => void) | null }) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={PRIMARY} disabled={disabled}>
        {label}
      </button>
      {onCancel && (
        <button type="button" className={BUTTON} onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
