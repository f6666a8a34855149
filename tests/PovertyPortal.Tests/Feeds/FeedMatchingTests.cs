using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Tests.Feeds;

public sealed class FeedMatchingTests
{
    private const string CountyCode = "429999000000";
    private static readonly KnownVillage East = new(1, 10, "429999101201", "东村", "甲镇");
    private static readonly KnownVillage West = new(2, 10, "429999101202", "西村", "甲镇");
    private static readonly KnownVillage OtherEast = new(3, 20, "429999102201", "东村", "乙镇");
    private static readonly KnownVillage BigWang = new(4, 20, "429999102202", "大王村", "乙镇");
    private static readonly KnownVillage Wang = new(5, 10, "429999101203", "王村", "甲镇");
    private static readonly IReadOnlyList<KnownVillage> Villages = [East, West, OtherEast, BigWang, Wang];

    private static readonly string Registered = ResidentId.Create("429999", new DateOnly(1966, 3, 8), 135, Gender.Male).Value;
    private static readonly string Unregistered = ResidentId.Create("429999", new DateOnly(1980, 5, 1), 21, Gender.Female).Value;
    private static readonly string Elsewhere = ResidentId.Create("110101", new DateOnly(1990, 1, 1), 33, Gender.Male).Value;

    private static readonly Dictionary<string, RegisteredPerson> Register = new()
    {
        [Registered] = new RegisteredPerson(Registered, 100, 50, 10, 2, "王建国"),
    };

    private static LineMatch One(FeedLine line) => FeedMatching.Match([line], Register, Villages, CountyCode).Single();

    [Fact]
    public void An_id_of_the_register_is_in_the_register_in_its_household_s_village_whatever_the_file_says()
    {
        var match = One(new FeedLine(2, Registered, "王建国", null, "东村", null));
        Assert.Equal(FeedMatch.InRegister, match.Match);
        Assert.Equal((50, 2), (match.Person!.HouseholdId, match.VillageId!.Value));
        Assert.Equal(Registered, match.PersonKey);
    }

    [Fact]
    public void An_id_written_with_full_width_digits_spaces_and_a_small_x_is_normalized_before_it_is_looked_up()
    {
        var messy = string.Concat(Registered.Select(c => c == 'X' ? 'x' : (char)(c + 0xFEE0))).Insert(6, " ");
        Assert.Equal(FeedMatch.InRegister, One(new FeedLine(2, messy, "王建国", null, null, null)).Match);
    }

    [Fact]
    public void A_valid_id_not_in_the_register_is_near_it_when_the_village_is_known_by_code_or_name()
    {
        var byCode = One(new FeedLine(3, Unregistered, "李四", "429999101202", null, null));
        Assert.Equal((FeedMatch.NearRegister, 2), (byCode.Match, byCode.VillageId!.Value));
        var byName = One(new FeedLine(3, Unregistered, "李四", null, "甲镇西村", null));
        Assert.Equal((FeedMatch.NearRegister, 2), (byName.Match, byName.VillageId!.Value));
        var byAddress = One(new FeedLine(3, Unregistered, "李四", null, null, "湖北省测试县甲镇西村三组12号"));
        Assert.Equal((FeedMatch.NearRegister, 2), (byAddress.Match, byAddress.VillageId!.Value));
    }

    [Fact]
    public void Two_villages_of_one_name_are_told_apart_by_the_township_and_the_longest_name_wins()
    {
        Assert.Equal(3, One(new FeedLine(3, Unregistered, "李四", null, "乙镇东村", null)).VillageId);
        Assert.Equal(4, One(new FeedLine(3, Unregistered, "李四", null, "大王村", null)).VillageId);
        var ambiguous = One(new FeedLine(3, Unregistered, "李四", null, "东村", null));
        Assert.Equal(FeedMatch.Unmatched, ambiguous.Match);
        Assert.Contains("重名", ambiguous.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_check_digit_is_unmatched_with_the_id_rule_s_message()
    {
        var bad = Registered[..17] + (Registered[17] == '0' ? '1' : '0');
        var match = One(new FeedLine(4, bad, "王建国", null, "东村", null));
        Assert.Equal(FeedMatch.Unmatched, match.Match);
        Assert.Contains("校验码错误", match.Reason, StringComparison.Ordinal);
        Assert.Null(match.PersonKey);
    }

    [Fact]
    public void Rows_without_a_usable_village_are_unmatched_and_say_why()
    {
        Assert.Contains("不属于本县", One(new FeedLine(5, Elsewhere, "张三", null, null, null)).Reason, StringComparison.Ordinal);
        Assert.Contains("没有所在村", One(new FeedLine(5, Unregistered, "张三", null, null, null)).Reason, StringComparison.Ordinal);
        Assert.Contains("不属于本县", One(new FeedLine(5, Unregistered, "张三", "110101001001", null, null)).Reason, StringComparison.Ordinal);
        Assert.Contains("不是您管辖范围内的村", One(new FeedLine(5, Unregistered, "张三", null, "北村", null)).Reason, StringComparison.Ordinal);
        Assert.Equal(FeedMatching.IdAsNumber, One(new FeedLine(5, "4.29999E+17", "张三", null, "东村", null, IdStoredAsNumber: true)).Reason);
        Assert.Contains("没有身份证号", One(new FeedLine(5, null, "张三", null, "西村", null)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_person_twice_is_one_key_and_stays_in_the_village_of_their_first_row()
    {
        var matches = FeedMatching.Match(
        [
            new FeedLine(2, Unregistered, "李四", null, "西村", null),
            new FeedLine(3, Unregistered.ToLowerInvariant(), "李四", null, "北村", null),
            new FeedLine(4, Registered, "王建国", null, null, null),
            new FeedLine(5, Registered, "王建国", null, null, null),
        ], Register, Villages, CountyCode);
        Assert.Equal([FeedMatch.NearRegister, FeedMatch.NearRegister, FeedMatch.InRegister, FeedMatch.InRegister], matches.Select(m => m.Match));
        Assert.Equal(2, matches.Select(m => m.PersonKey).Distinct().Count());
        Assert.Equal(2, matches[1].VillageId);
    }

    [Fact]
    public void A_person_s_facts_join_their_rows_and_an_empty_row_says_so()
    {
        Assert.Equal("金额 12000；日期 2026-11-03／金额 800",
            FeedMatching.Fact([("12000", "2026-11-03", null), ("800", null, null), ("12000", "2026-11-03", null)]));
        Assert.Equal("（部门名单未列明细）", FeedMatching.Fact([(null, null, null)]));
        Assert.Equal("住院／门诊", FeedMatching.Items(["住院", " 门诊", null, "住院"]));
        Assert.Null(FeedMatching.Items([null, " "]));
    }

    [Fact]
    public void The_monitoring_case_link_names_the_household_the_kind_and_the_clue_url_encoded()
    {
        var href = PovertyPortal.Web.Features.Feeds.HomeCheckLinks.MonitoringCase(42, "医保大额医疗支出（2026年11月）");
        Assert.Equal("/procedures/new?household=42&kind=Monitoring&clue=" + Uri.EscapeDataString("医保大额医疗支出（2026年11月）入户核实"), href);
        Assert.StartsWith("/procedures/new?household=42&kind=Monitoring&clue=%E5%8C%BB", href, StringComparison.Ordinal);
    }
}
