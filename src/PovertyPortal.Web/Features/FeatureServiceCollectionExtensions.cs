using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Dashboard;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Import;
using PovertyPortal.Web.Features.Support;
using PovertyPortal.Web.Features.Users;
using PovertyPortal.Web.Features.VillageWork;
using PovertyPortal.Web.Features.Villages;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.Web.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>Every use-case handler, injected directly into the pages that use it.</summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<GetAreaSummaries>();
        services.AddScoped<ListAreaOptions>();
        services.AddScoped<ListVillages>();
        services.AddScoped<GetVillageDetail>();
        services.AddScoped<CountUsers>();
        services.AddScoped<ListUsers>();
        services.AddScoped<SaveUser>();
        services.AddScoped<ResetUserPassword>();
        services.AddScoped<SetUserDisabled>();
        services.AddScoped<ListHouseholds>();
        services.AddScoped<GetHousehold>();
        services.AddScoped<SaveHousehold>();
        services.AddScoped<SaveMember>();
        services.AddScoped<RevealPersonalData>();
        services.AddScoped<ExportHouseholds>();
        services.AddScoped<ImportRegister>();
        services.AddScoped<GetAreaTree>();
        services.AddScoped<SaveTownship>();
        services.AddScoped<SaveVillage>();
        services.AddScoped<SaveVillageGroup>();
        services.AddScoped<SetAreaRetired>();
        services.AddScoped<ListVillageProfiles>();
        services.AddScoped<SaveVillageProfile>();
        services.AddScoped<ListWorkTeams>();
        services.AddScoped<SaveWorkTeam>();
        services.AddScoped<SaveWorkTeamMember>();
        services.AddScoped<ListLinkableUsers>();
        services.AddScoped<RecordAttendanceWeek>();
        services.AddScoped<GetTeamCompliance>();
        services.AddScoped<ListAttendanceShortfalls>();
        services.AddScoped<SaveWorkLog>();
        services.AddScoped<ListWorkLogs>();
        services.AddScoped<ListHouseholdOptions>();
        services.AddScoped<SavePairing>();
        services.AddScoped<SaveAssistancePlan>();
        services.AddScoped<ListPairings>();
        services.AddScoped<CountWorkLogs>();
        services.AddScoped<SaveProject>();
        services.AddScoped<SaveIndustry>();
        services.AddScoped<SaveCollectiveIncome>();
        services.AddScoped<ListVillageWork>();
        services.AddScoped<GetVillageWorkSummary>();
        services.AddScoped<ListCollectiveIncomeByVillage>();
        services.AddScoped<DeleteProject>();
        services.AddScoped<DeleteIndustry>();
        services.AddScoped<DeleteCollectiveIncome>();
        services.AddScoped<DeleteWorkLog>();
        services.AddScoped<Attachments.DeleteAttachment>();
        services.AddScoped<Attachments.UploadAttachment>();
        services.AddScoped<Attachments.ListAttachments>();
        services.AddScoped<GetDashboard>();
        services.AddScoped<GetDashboardAreas>();
        services.AddScoped<GetRegistryFigures>();
        services.AddScoped<GetExitsPerYear>();
        services.AddScoped<GetPovertyCauses>();
        services.AddScoped<GetMonitoringFigures>();
        services.AddScoped<GetIncomeFigures>();
        services.AddScoped<GetBenefitFigures>();
        services.AddScoped<GetMicroloanFigures>();
        services.AddScoped<GetAssuranceFigures>();
        services.AddScoped<GetCollectiveIncomeFigures>();
        services.AddScoped<GetResidencyFigures>();
        services.AddScoped<GetIncomeTrend>();
        services.AddScoped<DashboardPdf>();
        services.AddSupportFeatures();
        return services;
    }
}
