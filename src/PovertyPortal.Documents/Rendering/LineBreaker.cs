namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// Chinese line breaking: a line may break between any two CJK characters, never before closing punctuation
/// (，。、；：？！）》」…) nor after opening punctuation (（《「…); Latin words and numbers such as 1,488 or 2018年's
/// "2018" stay whole. Text is cut into unbreakable units; a line is filled with whole units.
/// </summary>
public static class LineBreaker
{
    /// <summary>Characters that must not start a line (行首禁则).</summary>
    public const string NoLineStart = "，。、；：？！）》」』】〕〉”’,.;:?!)]}%…·";

    /// <summary>Characters that must not end a line (行尾禁则).</summary>
    public const string NoLineEnd = "（《「『【〔〈“‘([{";

    /// <summary>
    /// Measure words kept with the number before them: a line starting with “元” after “资金35,504” reads as a
    /// broken figure, so “35,504元”, “112户”, “2018年” move to the next line whole.
    /// </summary>
    public const string NumberUnits = "元户人亩次周个名处口座台盏头只年月日岁";

    /// <summary>Measure words of several characters, kept whole with their number (“7.8公里”, “150千瓦”).</summary>
    private static readonly string[] LongNumberUnits = ["平方公里", "平方米", "公里", "千瓦", "万元", "人周"];

    /// <summary>The text cut into units that a line break may fall between.</summary>
    public static List<string> Units(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsWordChar(text[i]))
            {
                // A word or number: letters and digits, with , . : / - inside it when a digit or letter follows (1,488 3.5 8:30).
                i++;
                while (i < text.Length && (IsWordChar(text[i]) || (text[i] is ',' or '.' or ':' or '/' or '-' or '\'' && i + 1 < text.Length && IsWordChar(text[i + 1]))))
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                i += 2;
            }
            else
            {
                i++;
            }
            tokens.Add(text[start..i]);
        }

        var units = new List<string>(tokens.Count);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var afterNumber = units.Count > 0 && char.IsAsciiDigit(units[^1][^1]);
            var longUnit = afterNumber ? LongNumberUnits.FirstOrDefault(u => string.Concat(tokens.Skip(t).Take(u.Length)) == u) : null;
            if (longUnit is not null)
            {
                units[^1] += longUnit;
                t += longUnit.Length - 1;
            }
            else if (units.Count > 0 && (NoLineStart.Contains(token[0]) || NoLineEnd.Contains(units[^1][^1]) || token[0] == '%'
                || (afterNumber && token.Length == 1 && NumberUnits.Contains(token[0]))))
            {
                units[^1] += token;
            }
            else
            {
                units.Add(token);
            }
        }
        return units;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '%' or '+' or '@' or '#' or '&' or '_';

    /// <summary>
    /// Lines of units that fit <paramref name="width"/>; the first line is <paramref name="firstIndent"/> narrower.
    /// A unit wider than a whole line (a very long number) is cut by characters as a last resort.
    /// </summary>
    public static List<List<string>> Break(string text, float width, float firstIndent, Func<string, float> measure)
    {
        var lines = new List<List<string>>();
        var line = new List<string>();
        var used = 0f;
        var available = width - firstIndent;
        foreach (var unit in Units(text))
        {
            var w = measure(unit);
            if (line.Count == 0 && unit == " ") continue;
            if (used + w <= available + 0.01f)
            {
                line.Add(unit);
                used += w;
                continue;
            }
            if (line.Count > 0)
            {
                TrimTrailingSpace(line);
                lines.Add(line);
                line = [];
                used = 0;
                available = width;
                if (unit == " ") continue;
            }
            if (w <= available + 0.01f)
            {
                line.Add(unit);
                used = w;
                continue;
            }
            foreach (var piece in CutByCharacters(unit, available, measure))
            {
                if (line.Count > 0)
                {
                    lines.Add(line);
                    available = width;
                }
                line = [piece];
                used = measure(piece);
            }
        }
        if (line.Count > 0)
        {
            TrimTrailingSpace(line);
            lines.Add(line);
        }
        return lines;
    }

    private static void TrimTrailingSpace(List<string> line)
    {
        while (line.Count > 1 && line[^1] == " ") line.RemoveAt(line.Count - 1);
    }

    private static IEnumerable<string> CutByCharacters(string unit, float width, Func<string, float> measure)
    {
        var start = 0;
        for (var end = 1; end <= unit.Length; end++)
        {
            if (end - start > 1 && measure(unit[start..end]) > width)
            {
                yield return unit[start..(end - 1)];
                start = end - 1;
            }
        }
        if (start < unit.Length) yield return unit[start..];
    }
}
