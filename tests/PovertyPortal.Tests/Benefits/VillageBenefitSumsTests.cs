using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Web.Features.Benefits;

namespace PovertyPortal.Tests.Benefits;

/// <summary>The report's benefit sums on a small hand-made village (in-memory SQLite, no web app).</summary>
public sealed class VillageBenefitSumsTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private DbContextOptions<PortalDbContext> options = null!;
    private int villageId;
    private readonly Dictionary<string, int> households = [];
    private readonly Dictionary<string, int> members = [];

    private sealed class Factory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options, new SystemScopeSource("test"));
    }

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync();
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection)
            .UsePersonalDataCipher(new PersonalDataCipher(PersonalDataKeyRing.Generate())).Options;
        await using var db = new PortalDbContext(options, new SystemScopeSource("test"));
        await db.Database.EnsureCreatedAsync();

        var county = new County { AdminCode = "429999000000", Name = "测试县", Province = "湖北省" };
        var township = new Township { AdminCode = "429999101000", Name = "测试镇", County = county };
        db.Townships.Add(township);
        await db.SaveChangesAsync();
        var village = new Village { AdminCode = "429999101201", Name = "测试村", CountyId = county.Id, TownshipId = township.Id };
        db.Villages.Add(village);
        await db.SaveChangesAsync();
        villageId = village.Id;

        // Four households: 刘甲 (3 people), 刘乙 (2), 刘丙 (1, plus a member who died in 2017), 刘丁 (2).
        foreach (var (number, head, others) in new[] { ("H1", "刘甲", new[] { "甲妻", "甲子" }), ("H2", "刘乙", new[] { "乙妻" }), ("H3", "刘丙", new[] { "丙父" }), ("H4", "刘丁", new[] { "丁女" }) })
        {
            var h = new Household { HouseholdNumber = number, CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id, Status = HouseholdStatus.Identified, Category = PovertyCategory.General };
            var i = 0;
            foreach (var name in others.Prepend(head))
            {
                h.Members.Add(new Member
                {
                    Name = name, ResidentId = $"42999919800101{i++:0000}", Relationship = name == head ? Relationship.Head : Relationship.Other,
                    BirthDate = new DateOnly(1980, 1, 1), CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id,
                    IsDeceased = name == "丙父", DeceasedOn = name == "丙父" ? new DateOnly(2017, 5, 1) : null,
                });
            }
            db.Households.Add(h);
            await db.SaveChangesAsync();
            households[number] = h.Id;
            foreach (var m in h.Members) members[m.Name] = m.Id;
        }

        BenefitRecord B(string household, string program, decimal amount, string? member = null, int year = 2018, decimal? quantity = null, string? unit = null) => new()
        {
            HouseholdId = households[household], MemberId = member is null ? null : members[member], ProgramId = BenefitLabels.Defaults.First(d => d.Code == program).Id,
            Year = year, Amount = amount, Quantity = quantity, Unit = unit, CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id,
        };
        db.BenefitRecords.AddRange(
            // 低保 to two members of H1 and one of H2: 2 households, 3 people.
            B("H1", "Dibao", 1_000, "刘甲"), B("H1", "Dibao", 1_000, "甲妻"), B("H2", "Dibao", 1_000.50m, "乙妻"),
            // 特困 household-level to H3: its one living member counts (the father died in 2017).
            B("H3", "Tekun", 8_050),
            // 生态林 to every household, household-level: 4 households, 3+2+1+2 = 8 people, 40 亩.
            B("H4", "EcoForestSubsidy", 120, quantity: 10, unit: "亩"), B("H3", "EcoForestSubsidy", 120, quantity: 10, unit: "亩"),
            B("H2", "EcoForestSubsidy", 120, quantity: 10, unit: "亩"), B("H1", "EcoForestSubsidy", 120, quantity: 10, unit: "亩"),
            // Another year: not counted.
            B("H4", "Dibao", 999, "丁女", year: 2017));
        db.Microloans.Add(new Microloan
        {
            HouseholdId = households["H4"], CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id,
            Principal = 30_000, StartDate = new DateOnly(2018, 4, 1), DueDate = new DateOnly(2021, 4, 1),
        });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    [Fact]
    public async Task Households_people_amounts_and_example_heads_per_program_and_group()
    {
        var sums = await new GetVillageBenefitSums(new Factory(options)).HandleAsync(villageId, 2018);
        Assert.NotNull(sums);
        Assert.Equal("测试村", sums.VillageName);
        Assert.Equal([BenefitGroup.EcoCompensation, BenefitGroup.SocialSecurity, BenefitGroup.Finance], sums.Groups.Select(g => g.Group));

        var social = sums.Groups.Single(g => g.Group == BenefitGroup.SocialSecurity);
        var dibao = social.Programs.Single(p => p.ProgramCode == "Dibao");
        Assert.Equal((2, 3, 3_000.50m), (dibao.Households, dibao.People, dibao.Amount));
        Assert.Equal(["刘甲", "刘乙"], dibao.ExampleHeads);
        var tekun = social.Programs.Single(p => p.ProgramCode == "Tekun");
        Assert.Equal((1, 1, 8_050m), (tekun.Households, tekun.People, tekun.Amount));
        Assert.Equal((3, 4, 11_050.50m), (social.Households, social.People, social.Amount));
        Assert.Equal("社会保障兜底一批", social.Label);

        var forest = sums.Groups.Single(g => g.Group == BenefitGroup.EcoCompensation).Programs.Single();
        Assert.Equal((4, 8, 480m, 40m, "亩"), (forest.Households, forest.People, forest.Amount, forest.Quantity, forest.Unit));
        Assert.Equal(["刘甲", "刘乙", "刘丙"], forest.ExampleHeads); // three at most, in household-number order

        var loans = sums.Groups.Single(g => g.Group == BenefitGroup.Finance).Programs.Single();
        Assert.Equal((BenefitLabels.MicroloanCode, 1, 2, 30_000m), (loans.ProgramCode, loans.Households, loans.People, loans.Amount));
        Assert.Equal(30_000m + 11_050.50m + 480m, sums.TotalAmount);
    }

    [Fact]
    public async Task A_year_without_records_has_no_groups_and_an_unknown_village_none()
    {
        var handler = new GetVillageBenefitSums(new Factory(options));
        Assert.Empty((await handler.HandleAsync(villageId, 2016))!.Groups);
        Assert.Null(await handler.HandleAsync(villageId + 100, 2018));
    }
}
