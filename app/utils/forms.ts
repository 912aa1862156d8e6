import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { useTranslation } from "react-i18next";

/** Field errors are i18n keys (validation.*); this turns them into the reader's language. */
export function useErrorText() {
  const { t } = useTranslation();
  return (errors: string[] | undefined | null) => (errors?.length ? errors.map((e) => t(e)) : undefined);
}

/**
 * Conform + zod, set up the same way for every form: the server's last reply
 * (errors, values kept), validation on blur, the same schema on both sides.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- form shapes are any zod object
export function useZodForm<S extends z.ZodType<Record<string, any>, Record<string, any>>>(
  schema: S,
  lastResult: SubmissionResult<string[]> | null | undefined,
  options: { id?: string; defaultValue?: Record<string, unknown> } = {},
) {
  return useForm<z.input<S>, z.output<S>, string[]>({
    id: options.id,
    defaultValue: options.defaultValue as never,
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/** Whether the server's last reply has an error on any field (shows the summary at the top of a form). */
export function hasFieldErrors(lastResult: SubmissionResult<string[]> | null | undefined) {
  return Boolean(lastResult?.error && Object.values(lastResult.error).some((e) => e?.length));
}
