using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Tests.Reports;

/// <summary>Hand-built report records: every section filled, with the figures of 范文第1篇 (sentences our own).</summary>
internal static class ReportSamples
{
    public static PerformanceReportData FanWen() => new()
    {
        VillageName = "栗子湾村",
        TownshipName = "石桥镇",
        CountyName = "青石县",
        Year = 2018,
        SignedOn = new DateOnly(2018, 12, 28),
        Profile = new VillageProfileFigures
        {
            Description = "地处两县交界，居住分散、条件落后的边远村和一般贫困村",
            AreaSquareKm = 6, ForestMu = 2500, ArableMu = 805, PaddyMu = 650,
            GroupCount = 10, HamletCount = 18, HouseholdCount = 393, Population = 1488,
            PartyMembers = 32, BranchCommitteeMembers = 3, PartyGroups = 2, PublicWelfarePosts = 6,
            LeftBehindChildren = 15, LeftBehindElderly = 14, LeftBehindWomen = 10,
            LeadingIndustries = ["花生", "板栗", "油茶", "中药材", "光伏"],
            CollectiveIncomeSources = ["光伏", "水库出租", "山林出租"],
            CollectiveIncome = 60000,
        },
        Registry = new RegistryFigures
        {
            Households = 112, People = 310,
            Categories = [new("五保", 22, 22), new("低保", 37, 89), new("一般贫困户", 53, 199)],
            Causes = [new("因病", 14, 0), new("因学", 11, 0), new("因残", 33, 0)],
            RelocatedHouseholds = 20, RelocatedPeople = 25, RelocationSites = 2,
            // As printed: 118 households exited against 112 registered.
            ExitsPerYear = [new(2014, 2, 8), new(2015, 9, 30), new(2016, 26, 98), new(2017, 7, 29), new(2018, 74, 159)],
            RemainingHouseholds = 1, RemainingPeople = 3,
        },
        Teams =
        [
            new TeamFigures { DispatchingUnit = "镇工商所", StartDate = new(2014, 1, 1), EndDate = new(2018, 3, 22) },
            new TeamFigures
            {
                DispatchingUnit = "镇食品药品监管所", AppointedBy = "县扶贫指挥部", StartDate = new(2018, 3, 23),
                Members = [new("郑一鸣", "第一书记", "镇食品药品监管所"), new("冯立新", "队长", null), new("陈浩", "队员", null), new("孙广", "队员", null)],
                Compliance = new AttendanceCompliance(40, 38),
            },
        ],
        PolicyGroups =
        [
            new PolicyGroupFigures { Name = "社会保障兜底", Households = 75, People = 97, Amount = 92690, ExampleHeads = ["刘秀芬", "刘大海"], Benefits = ["低保补差", "五保供养"] },
            new PolicyGroupFigures { Name = "发展教育脱贫", Households = 46, People = 48, Amount = 69200, ExampleHeads = ["刘建国"], Benefits = ["雨露计划", "校车补助", "生活补助"] },
            new PolicyGroupFigures { Name = "健康扶贫", Households = 112, People = 142, Amount = 117500.5m, ExampleHeads = ["刘春生"] },
        ],
        WorkLogCounts = [new("入户走访", 326), new("召开村民小组会议", 24), new("政策宣讲", 12, "场")],
        Projects = [new("修复大塘", 5, "口", 150000), new("安装变压器", 5, "台", null), new("修通水泥路", 7.8m, "公里", 1_200_000)],
        Industries = [new("花生", 760, "亩", 33), new("油茶", 50, "亩", null), new("养鸡", 2500, "只", 12)],
        CollectiveIncome = [new("光伏发电", 60000, IsStableOperating: true), new("水库出租", 8000)],
        Prose = new ReportProse
        {
            Introduction = "本年度，驻村工作队在县委、县政府和镇党委的领导下，围绕精准扶贫、精准脱贫的目标开展工作，现将履职情况报告如下。",
            Practices =
            [
                "组织多次入户核查，完善贫困户档案基本信息，掌握每户家庭基本情况。",
                "完善村级档案与户档案资料整理工作，做到三档合一（村档、户档、系统数据）。",
                "开展结对帮扶，因户施策，帮助制订脱贫计划，填好帮扶手册。",
            ],
            Closing = "总之，经过几年的共同努力，脱贫攻坚取得了阶段性成效。我们将继续在各级党委政府的领导下，巩固脱贫成果，推动乡村振兴。",
        },
    };
}
