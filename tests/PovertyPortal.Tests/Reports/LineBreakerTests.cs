using PovertyPortal.Documents.Rendering;

namespace PovertyPortal.Tests.Reports;

public class LineBreakerTests
{
    // Every character 1 wide: a line of width 5 holds five characters.
    private static List<string> Lines(string text, float width, float indent = 0) =>
        LineBreaker.Break(text, width, indent, u => u.Length).Select(l => string.Concat(l)).ToList();

    [Fact]
    public void Breaks_between_any_two_ideographs()
    {
        Assert.Equal(["村基本情况", "全村"], Lines("村基本情况全村", 5));
    }

    [Fact]
    public void Closing_punctuation_goes_with_the_character_before_it()
    {
        var lines = Lines("共有贫困户，其中五保。", 5);

        Assert.Equal(["共有贫困", "户，其中五", "保。"], lines);
    }

    [Fact]
    public void Opening_punctuation_goes_with_the_character_after_it()
    {
        Assert.Equal(["共有四户", "（其中"], Lines("共有四户（其中", 5));
    }

    [Fact]
    public void Numbers_and_latin_words_stay_whole()
    {
        Assert.Contains("1,488人", LineBreaker.Units("全村1,488人"));
        Assert.Contains("3.5亩", LineBreaker.Units("面积3.5亩"));
        Assert.Contains("Word", LineBreaker.Units("下载Word文件"));
        Assert.Equal(["全村", "1,488人"], Lines("全村1,488人", 6));
        Assert.Equal(["资金", "35,504元；"], Lines("资金35,504元；", 9));
        Assert.Equal(["道路", "7.8公里，"], Lines("道路7.8公里，", 7));
    }

    [Fact]
    public void First_line_indent_narrows_only_the_first_line()
    {
        Assert.Equal(["一二三", "四五六七八"], Lines("一二三四五六七八", 5, 2));
    }

    [Fact]
    public void Overlong_word_is_cut_as_a_last_resort()
    {
        Assert.All(Lines("1234567890123", 5), l => Assert.True(l.Length <= 5));
    }
}
