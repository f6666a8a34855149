using System.Globalization;
using System.Text;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Domain.Rectification;

/// <summary>
/// The fields of a problem that its 变更记录 records, with their Chinese names, and how their values read there. Only
/// what a user gives or a step changes; who did a step and when is in the steps themselves. The place (township,
/// village, household) is set when the problem is raised and never changes: a problem elsewhere is another problem.
/// </summary>
public static class ProblemFields
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Problem.Source)] = "问题来源",
        [nameof(Problem.SourceReference)] = "来源文号或编号",
        [nameof(Problem.Area)] = "检查领域",
        [nameof(Problem.ItemText)] = "检查项目",
        [nameof(Problem.Description)] = "问题描述",
        [nameof(Problem.ResponsibleUnit)] = "责任单位",
        [nameof(Problem.ResponsiblePerson)] = "责任人",
        [nameof(Problem.Deadline)] = "整改时限",
        [nameof(Problem.Measures)] = "整改措施",
        [nameof(Problem.Status)] = "整改状态",
        [nameof(Problem.CheckNote)] = "核验意见",
        [nameof(Problem.RecheckDueOn)] = "回头看日期",
        [nameof(Problem.RecheckNote)] = "回头看情况",
    };

    public static bool IsTracked(string field) => Labels.ContainsKey(field);

    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>
    /// The most of a long text (a description, the measures) the history keeps, in UTF-8 bytes: the history's columns are
    /// encrypted into 2,100 characters (EncryptedColumns), about 1,540 bytes of text. The whole text is on the problem.
    /// </summary>
    public const int MaxHistoryBytes = 1500;

    /// <summary>A value as the history shows it: Chinese labels, dates as yyyy-MM-dd, long texts cut with "…".</summary>
    public static string? Display(object? value) => value switch
    {
        null => null,
        string text => Cut(text),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ProblemSource s => s.Label(),
        ProblemStatus s => s.Label(),
        ChecklistArea a => a.Label(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Cut(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxHistoryBytes) return text;
        var end = Math.Min(text.Length, MaxHistoryBytes / 3);
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > MaxHistoryBytes - 3) end--;
        // Never split a surrogate pair.
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
