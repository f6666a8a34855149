using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Tests.Correction;

/// <summary>The calendar, people and cases the community-correction rule tests share; cases reach their stage through the domain's own methods.</summary>
internal static class Cases
{
    public static WorkingCalendar Calendar2026 { get; } = new(OfficialHolidays.Of2026);

    public static void Ok(RuleResult result) => Assert.True(result.Succeeded, result.Refusal);

    public static string Refused(RuleResult result)
    {
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
        return result.Refusal!;
    }

    public static CorrectionSubject Entrusted(DateOnly on, CorrectionType type = CorrectionType.Probation, Gender gender = Gender.Male,
        DateOnly? birthDate = null) => new()
    {
        Id = 7,
        CountyId = 1,
        TownshipId = 2,
        Name = "赵建国",
        Gender = gender,
        BirthDate = birthDate ?? new DateOnly(1985, 3, 2),
        Type = type,
        Stage = CaseStage.Assessing,
        EntrustedOn = on,
        EntrustingOrgan = EntrustingOrgan.Court,
        EntrustingOrganName = "某县人民法院",
        AssessmentTeam = "李明、王芳",
    };

    /// <summary>The findings art. 8 asks for, all filled.</summary>
    public static CorrectionSubject WithFindings(this CorrectionSubject s)
    {
        s.ResidenceFinding = "有固定住所";
        s.FamilyFinding = "家庭关系和睦";
        s.ConductFinding = "一贯表现良好";
        s.OffenceImpactFinding = "犯罪情节较轻";
        s.CommunityAndVictimOpinion = "村委会同意接收，被害人已谅解";
        return s;
    }

    /// <summary>A case whose documents arrived on <paramref name="receivedOn"/>, after a 适用 assessment.</summary>
    public static CorrectionSubject Received(DateOnly receivedOn, DateOnly effectiveOn, DateOnly start, DateOnly end,
        CorrectionType type = CorrectionType.Probation, Gender gender = Gender.Male, DateOnly? birthDate = null)
    {
        var s = Entrusted(effectiveOn.AddDays(-20), type, gender, birthDate).WithFindings();
        Ok(s.ConcludeAssessment(AssessmentConclusion.Suitable, effectiveOn.AddDays(-15)));
        Ok(s.ReceiveDocuments(receivedOn, effectiveOn, start, end));
        return s;
    }

    public static CorrectionSubject Reported(DateOnly reportedOn, DateOnly effectiveOn, DateOnly start, DateOnly end,
        CorrectionType type = CorrectionType.Probation, Gender gender = Gender.Male, DateOnly? birthDate = null)
    {
        var s = Received(effectiveOn.AddDays(2), effectiveOn, start, end, type, gender, birthDate);
        Ok(s.RecordReport(reportedOn));
        return s;
    }

    /// <summary>A case announced on <paramref name="announcedOn"/>, its term <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static CorrectionSubject UnderCorrection(DateOnly announcedOn, DateOnly end, CorrectionType type = CorrectionType.Probation)
    {
        var reported = announcedOn.AddDays(-3);
        var s = Reported(reported, reported.AddDays(-5), reported.AddDays(-5), end, type);
        s.WithAllAnnouncementSteps();
        s.GroupMembers = Group();
        Ok(s.Announce(announcedOn));
        return s;
    }

    public static CorrectionSubject WithAllAnnouncementSteps(this CorrectionSubject s)
    {
        s.AnnouncementIdentityChecked = true;
        s.AnnouncementContentRead = true;
        s.AnnouncementGuaranteeRead = true;
        s.AnnouncementResponsibilitySigned = true;
        s.AnnouncementTalkHeld = true;
        return s;
    }

    public static CorrectionGroupMember Leader(Gender gender = Gender.Male) =>
        new() { Name = "孙所长", Role = GroupMemberRole.Leader, Gender = gender, Unit = "司法所", IsJudicialOfficeStaff = true };

    public static CorrectionGroupMember Member(string name, GroupMemberRole role = GroupMemberRole.Volunteer, Gender gender = Gender.Male,
        bool youth = false) => new() { Name = name, Role = role, Gender = gender, Unit = "村委会", KnowsYouthWork = youth };

    /// <summary>A 矫正小组 that meets art. 18 for an adult man: a 司法所 leader and two others.</summary>
    public static List<CorrectionGroupMember> Group() =>
        [Leader(), Member("周社工", GroupMemberRole.SocialWorker), Member("吴志愿者")];

    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
    }
}
