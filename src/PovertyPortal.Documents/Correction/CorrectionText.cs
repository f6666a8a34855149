using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Correction;

/// <summary>The sentences several correction documents share: who the subject is and what put them under correction.</summary>
public static class CorrectionText
{
    /// <summary>The implementing rules the documents cite; the province's own title is left to the printed heading.</summary>
    public const string Rules = "社区矫正实施细则";

    /// <summary>"张三，男，1990年1月2日出生，公民身份号码1101**********1234，住某村一组。"</summary>
    public static string PersonSentence(CorrectionPerson p)
    {
        var parts = new List<string> { p.Name, p.Gender.Label(), ChineseFormat.Date(p.BirthDate) + "出生" };
        if (!string.IsNullOrEmpty(p.ResidentId)) parts.Add("公民身份号码" + p.ResidentId);
        if (!string.IsNullOrWhiteSpace(p.Address)) parts.Add("住" + p.Address.Trim());
        return string.Join("，", parts) + "。";
    }

    /// <summary>What the decision organ decided and the term of correction, in the words the type calls for.</summary>
    public static string JudgmentSentence(CorrectionPerson p, CorrectionOffices offices)
    {
        var organ = string.IsNullOrWhiteSpace(p.DecisionOrganName) ? "决定机关" : p.DecisionOrganName.Trim();
        var number = string.IsNullOrWhiteSpace(p.CaseNumber) ? "" : $"以{p.CaseNumber.Trim()}";
        var crime = string.IsNullOrWhiteSpace(p.Crime) ? "" : $"因{p.Crime.Trim()}，";
        var sentence = string.IsNullOrWhiteSpace(p.Sentence) ? "" : p.Sentence.Trim().TrimEnd('。');
        var decided = p.Type switch
        {
            CorrectionType.Parole => $"裁定假释{Bracket(sentence, "原判")}",
            CorrectionType.TemporaryOutOfPrison => $"决定暂予监外执行{Bracket(sentence, "原判")}{(p.IsMedicalParole ? "（保外就医）" : "")}",
            _ => sentence.Length == 0 ? $"判处{p.Type.Label()}" : $"判处{sentence}",
        };
        var text = $"{p.Name}{crime}经{organ}{number}{decided}";
        if (p.EffectiveOn is { } effective) text += $"，{ChineseFormat.Date(effective)}生效";
        text += "。";
        if (p.CorrectionStart is { } start && p.CorrectionEnd is { } end)
        {
            text += $"自{ChineseFormat.Date(start)}起在{offices.JudicialOffice}接受社区矫正，矫正期至{ChineseFormat.Date(end)}止。";
        }
        return text;

        static string Bracket(string s, string prefix) => s.Length == 0 ? "" : $"（{prefix}{s}）";
    }

    /// <summary>Item N of an article, as cited: 第（三）项.</summary>
    public static string Item(int number) => $"第（{ChineseFormat.Numeral(number)}）项";

    /// <summary>A sentence from free text: trimmed, with one full stop at its end.</summary>
    public static string Sentence(string text)
    {
        var t = text.Trim().TrimEnd('。', '.', '；', ';', '，', ',');
        return t + "。";
    }

    public static string DateOrBlank(DateOnly? date, string blank = "—") => date is { } d ? ChineseFormat.Date(d) : blank;
}
