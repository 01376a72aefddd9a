/**
 * A form's submit button (its label says what is happening while the request runs) and the
 * way out beside it. Used by every small form: dialogs, editors, request cards.
 */
export function FormActions({
  label,
  pendingLabel,
  pending,
  disabled = false,
  danger = false,
  cancelLabel = 'Cancel',
  onCancel,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  danger?: boolean;
  cancelLabel?: string;
  onCancel: () => void;
}) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className={danger ? 'button-danger' : undefined}
        disabled={pending || disabled}
      >
        {pending ? pendingLabel : label}
      </button>
      <button type="button" className="button-secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
