import { describe, expect, it } from "vitest";
import { resources } from "~/modules/i18n/resources";
import { notificationKey } from "~/modules/notifications/kinds";
import { renderNotification } from "~/modules/notifications/notifications.server";
import { certifications } from "~/modules/taxonomy/vocabulary";
import { CertificationSchema } from "./schemas";

describe("certification checklist", () => {
  it("accepts vocabulary codes and the three statuses only", () => {
    expect(CertificationSchema.safeParse({ code: "iso-13485", status: "obtained", statusOn: "2026-02-30" }).success).toBe(false);
    expect(CertificationSchema.safeParse({ code: "iso-13485", status: "done" }).success).toBe(false);
    expect(CertificationSchema.safeParse({ code: "fda-999", status: "planned" }).success).toBe(false);
    expect(CertificationSchema.parse({ code: "ce-mdr", status: "in-progress", statusOn: "2027-01-31" })).toEqual({ code: "ce-mdr", status: "in-progress", statusOn: "2027-01-31", note: "" });
  });

  it.each(certifications.map((c) => [c.code]))("the verified notice for %s reads naturally in both languages", (code) => {
    expect(notificationKey("certification.verified", { code })).toBe(`testbeds:notify.certVerified.${code}`);
    expect(resources.ko.testbeds.notify.certVerified).toHaveProperty(code);
    expect(resources.en.testbeds.notify.certVerified).toHaveProperty(code);
    expect(renderNotification("certification.verified", { code }, "ko")).toMatch(/운영기관이/);
    expect(renderNotification("certification.verified", { code }, "en")).toMatch(/programme office/);
  });

  it("renders testbed request notices per status", () => {
    const p = { offer: "심전도 가늠터", hospital: "한빛대학교병원", company: "루멘헬스케어" };
    expect(renderNotification("testbed.request.status", { ...p, status: "completed" }, "ko")).toBe("한빛대학교병원에서 가늠터 “심전도 가늠터” 완료를 확인했습니다. 프로필에 검증된 실적이 추가됐습니다.");
    expect(renderNotification("testbed.request.status", { ...p, status: "in-progress" }, "en")).toBe("Testbed “심전도 가늠터” has started.");
    expect(renderNotification("testbed.request.new", p, "ko")).toBe("루멘헬스케어에서 가늠터 “심전도 가늠터”에 신청했습니다.");
  });
});
