using FluentValidation;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>A review's answer, the same at the township (审核) and the county (审批): pass, send back or reject, with the opinion.</summary>
public sealed class ProcedureReview
{
    public int CaseId { get; set; }
    public Guid Version { get; set; }
    public ReviewDecision? Decision { get; set; }
    public string Opinion { get; set; } = "";

    /// <param name="step">审核 or 审批, as the messages name it.</param>
    public sealed class Validator : AbstractValidator<ProcedureReview>
    {
        public Validator(string step)
        {
            RuleFor(c => c.Decision).NotNull().WithMessage($"请选择{step}结论");
            RuleFor(c => c.Opinion).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage($"请填写{step}意见")
                .MaximumLength(500).WithMessage($"{step}意见不能超过500个字");
        }
    }
}
