using FluentValidation;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// One item of a checklist as the editor holds it, for a round's checklist and the county template alike. The order
/// within an area is the order of the list: the editor moves items up and down, the save numbers them from 1.
/// </summary>
public sealed class ChecklistLine
{
    /// <summary>The saved item's id; null for an item added in the editor.</summary>
    public int? Id { get; set; }
    public ChecklistArea Area { get; set; }
    public string Text { get; set; } = "";
    public string? Guidance { get; set; }
    public CheckedPer Per { get; set; }
    public AnswerType AnswerType { get; set; }

    public ChecklistLine Copy() => (ChecklistLine)MemberwiseClone();

    public static ChecklistLine From(ChecklistItem i) => From(i.Id, i);

    public static ChecklistLine From(ChecklistTemplateItem i) => From(i.Id, i);

    private static ChecklistLine From(int id, IChecklistEntry e) =>
        new() { Id = id, Area = e.Area, Text = e.Text, Guidance = e.Guidance, Per = e.Per, AnswerType = e.AnswerType };

    /// <summary>
    /// Writes the edited list onto the saved items: a line with a saved item's id changes it, a new line gets an item
    /// from <paramref name="add"/>; each is numbered within its area in list order. Returns the saved items no line kept.
    /// </summary>
    public static List<T> Apply<T>(IReadOnlyList<ChecklistLine> lines, IReadOnlyDictionary<int, T> saved, Func<T> add) where T : IChecklistEntry
    {
        var left = saved.ToDictionary();
        foreach (var (line, order) in Numbered(lines))
        {
            var item = line.Id is int id && left.Remove(id, out var found) ? found : add();
            item.Area = line.Area;
            item.Order = order;
            item.Text = line.Text.Trim();
            item.Guidance = string.IsNullOrWhiteSpace(line.Guidance) ? null : line.Guidance.Trim();
            item.Per = line.Per;
            item.AnswerType = line.AnswerType;
        }
        return left.Values.ToList();
    }

    /// <summary>One item's fields, for the item dialog and again in the handlers.</summary>
    public sealed class Validator : AbstractValidator<ChecklistLine>
    {
        public Validator()
        {
            RuleFor(l => l.Text).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写检查内容")
                .MaximumLength(500).WithMessage("检查内容不能超过500个字");
            RuleFor(l => l.Guidance).MaximumLength(1000).WithMessage("检查要点不能超过1000个字");
            RuleFor(l => l.Area).IsInEnum().WithMessage("请选择检查领域");
            RuleFor(l => l.Per).IsInEnum().WithMessage("请选择检查对象");
            RuleFor(l => l.AnswerType).IsInEnum().WithMessage("请选择填报方式");
        }
    }

    /// <summary>The checks of a whole list: each line's fields, then <see cref="Checklists.Validate"/> on the numbered items; the first message, or null.</summary>
    public static string? Check(IReadOnlyList<ChecklistLine> lines)
    {
        var validator = new Validator();
        for (var i = 0; i < lines.Count; i++)
        {
            if (validator.Validate(lines[i]) is { IsValid: false } result) return $"第{i + 1}项：{result.Errors[0].ErrorMessage}";
        }
        var items = Numbered(lines).Select(x => new ChecklistItem { Area = x.Line.Area, Order = x.Order, Text = x.Line.Text, Per = x.Line.Per }).ToList();
        return Checklists.Validate(items) is [var first, ..] ? first : null;
    }

    /// <summary>The lines with their number within their area (1, 2, … in list order), by area.</summary>
    public static IEnumerable<(ChecklistLine Line, int Order)> Numbered(IEnumerable<ChecklistLine> lines) =>
        lines.GroupBy(l => l.Area).OrderBy(g => g.Key).SelectMany(g => g.Select((line, i) => (line, i + 1)));
}
