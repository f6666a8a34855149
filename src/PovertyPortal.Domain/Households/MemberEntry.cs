namespace PovertyPortal.Domain.Households;

/// <summary>
/// A member's register fields as a person or a file gives them; the member form (SaveMember.Command), the import
/// and the demo data write a member through <see cref="Normalize"/> and <see cref="ApplyTo"/> alone.
/// </summary>
public class MemberEntry
{
    public string Name { get; set; } = "";

    /// <summary>Required for a new member; on an edit, empty keeps the stored number (the form never shows it).</summary>
    public string? ResidentId { get; set; }
    public Relationship? Relationship { get; set; }
    public Gender? Gender { get; set; }
    public DateTime? BirthDate { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public string? EducationLevel { get; set; }
    public SchoolingStatus SchoolingStatus { get; set; }
    public HealthStatus Health { get; set; }

    /// <summary>残疾等级 1–4; empty for a disabled member whose grade is not known yet (the national 花名册 has no grade column).</summary>
    public int? DisabilityGrade { get; set; }
    public LabourAbility LabourAbility { get; set; }
    public string? MigrantWorkPlace { get; set; }
    public int? MigrantWorkMonths { get; set; }
    public bool HasBasicMedicalInsurance { get; set; } = true;
    public bool HasSeriousIllnessInsurance { get; set; } = true;
    public bool HasPensionInsurance { get; set; }
    public bool IsDeceased { get; set; }
    public DateTime? DeceasedOn { get; set; }

    /// <summary>Runs before the validator: the ID number in its stored form (18 characters, capital X), text trimmed.</summary>
    public void Normalize()
    {
        Name = Name.Trim();
        ResidentId = string.IsNullOrWhiteSpace(ResidentId) ? null : Households.ResidentId.Normalize(ResidentId);
        Ethnicity = Ethnicity.Trim();
        EducationLevel = HouseholdEntry.Trimmed(EducationLevel);
        MigrantWorkPlace = HouseholdEntry.Trimmed(MigrantWorkPlace);
    }

    /// <summary>
    /// Copies the fields onto a member of <paramref name="household"/>, whose area it takes, and says whether any value
    /// changed. Call it on a validated entry: name, ID number, relationship, gender and birth date are present.
    /// </summary>
    public bool ApplyTo(Member m, Household household)
    {
        var fields = new FieldSetter();
        if (household.Id != 0) m.HouseholdId = household.Id;
        (m.CountyId, m.TownshipId, m.VillageId) = (household.CountyId, household.TownshipId, household.VillageId);
        fields.Set(m.Name, Name, v => m.Name = v);
        fields.Set(m.ResidentId, ResidentId!, v => m.ResidentId = v);
        fields.Set(m.ResidentIdTail, ResidentId![^4..], v => m.ResidentIdTail = v);
        fields.Set(m.Relationship, Relationship!.Value, v => m.Relationship = v);
        fields.Set(m.Gender, Gender!.Value, v => m.Gender = v);
        fields.Set(m.BirthDate, DateOnly.FromDateTime(BirthDate!.Value), v => m.BirthDate = v);
        fields.Set(m.Ethnicity, Ethnicity, v => m.Ethnicity = v);
        fields.Set(m.EducationLevel, EducationLevel, v => m.EducationLevel = v);
        fields.Set(m.SchoolingStatus, SchoolingStatus, v => m.SchoolingStatus = v);
        fields.Set(m.Health, Health, v => m.Health = v);
        fields.Set(m.DisabilityGrade, Health == HealthStatus.Disabled ? DisabilityGrade : null, v => m.DisabilityGrade = v);
        fields.Set(m.LabourAbility, LabourAbility, v => m.LabourAbility = v);
        fields.Set(m.MigrantWorkPlace, MigrantWorkPlace, v => m.MigrantWorkPlace = v);
        fields.Set(m.MigrantWorkMonths, MigrantWorkMonths, v => m.MigrantWorkMonths = v);
        fields.Set(m.HasBasicMedicalInsurance, HasBasicMedicalInsurance, v => m.HasBasicMedicalInsurance = v);
        fields.Set(m.HasSeriousIllnessInsurance, HasSeriousIllnessInsurance, v => m.HasSeriousIllnessInsurance = v);
        fields.Set(m.HasPensionInsurance, HasPensionInsurance, v => m.HasPensionInsurance = v);
        fields.Set(m.IsDeceased, IsDeceased, v => m.IsDeceased = v);
        fields.Set(m.DeceasedOn, IsDeceased ? HouseholdEntry.DateOf(DeceasedOn) : null, v => m.DeceasedOn = v);
        return fields.Changed;
    }

    /// <summary>A new member of <paramref name="household"/> made from a validated entry.</summary>
    public Member NewMemberOf(Household household)
    {
        var member = new Member { Name = Name, ResidentId = ResidentId! };
        ApplyTo(member, household);
        household.Members.Add(member);
        return member;
    }
}
