namespace PovertyPortal.DemoData;

/// <summary>Characters of common given names, shared by the demo county and the benchmark's synthetic county.</summary>
public static class SyntheticNames
{
    public static IReadOnlyList<string> MaleCharacters { get; } =
    [
        "建", "国", "明", "华", "军", "平", "志", "勇", "伟", "强", "文", "海", "林", "春", "新", "德", "永", "学", "光",
        "成", "庆", "长", "金", "福", "生", "发", "兵", "全", "东", "安", "忠", "友", "山", "松", "波", "杰", "涛", "斌",
        "俊", "浩", "宇", "峰", "磊", "汉", "桂", "水", "清", "贵", "荣", "祥",
    ];

    public static IReadOnlyList<string> FemaleCharacters { get; } =
    [
        "秀", "英", "兰", "芳", "桂", "珍", "华", "玉", "梅", "凤", "霞", "红", "丽", "娟", "琴", "云", "燕", "萍", "莲",
        "菊", "敏", "静", "婷", "雪", "春", "月", "慧", "丹", "琳", "欣", "翠", "香", "花", "银", "艳", "美",
    ];
}
