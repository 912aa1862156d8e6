import { createCookie } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";

/**
 * One-shot messages shown after a redirect ("저장했습니다"). The message is an
 * i18n key (with optional params) so it renders in the reader's language.
 */
const ToastSchema = z.object({
  key: z.string().max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  kind: z.enum(["success", "error", "info"]).default("success"),
});
export type Toast = z.infer<typeof ToastSchema>;

const toastCookie = createCookie("toast", { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 });

export async function readToast(request: Request): Promise<{ toast: Toast | null; clear: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  if (!raw) return { toast: null, clear: null };
  const parsed = ToastSchema.safeParse(raw);
  return {
    toast: parsed.success ? parsed.data : null,
    clear: await toastCookie.serialize("", { maxAge: 0 }),
  };
}

export async function redirectWithToast(url: string, toast: Toast, init?: ResponseInit) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(toast));
  return redirect(url, { ...init, headers });
}
