using FluentValidation;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// Who must fix a problem, field by field, as every form that raises one asks it (录入问题, a finding of cross-inspection
/// or of the data checks sent to the ledger): one wording of each refusal.
/// </summary>
public static class ProblemAssignmentRules
{
    public static IRuleBuilderOptions<T, string?> ResponsibleUnitRules<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("请填写整改责任单位")
            .MaximumLength(100).WithMessage("责任单位不能超过100个字");

    public static IRuleBuilderOptions<T, string?> ResponsiblePersonRules<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("请填写整改责任人")
            .MaximumLength(50).WithMessage("责任人不能超过50个字");
}
