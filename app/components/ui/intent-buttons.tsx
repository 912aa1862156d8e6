import { Form } from "@remix-run/react";
import { SubmitButton } from "./button";

/** One small form per status change (`intent`), each asking for confirmation before it posts. */
export function ConfirmedIntentButtons<I extends string>({
  intents,
  label,
  confirmText,
  primary,
}: {
  intents: readonly I[];
  label: (intent: I) => string;
  confirmText: (intent: I) => string;
  primary: (intent: I) => boolean;
}) {
  return (
    <div className="btn-row">
      {intents.map((intent) => (
        <Form key={intent} method="post" onSubmit={(e) => (!confirm(confirmText(intent)) ? e.preventDefault() : undefined)}>
          <SubmitButton variant={primary(intent) ? "primary" : "default"} name="intent" value={intent} pendingText="…">
            {label(intent)}
          </SubmitButton>
        </Form>
      ))}
    </div>
  );
}
