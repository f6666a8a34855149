using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Assurance;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Audit;
using PovertyPortal.Web.Features.Correction;
using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.Correction.Documents;
using PovertyPortal.Web.Features.Dashboard;
using PovertyPortal.Web.Features.DataChecks;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Import;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Features.Microloans;
using PovertyPortal.Web.Features.Procedures;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Features.Snapshots;
using PovertyPortal.Web.Features.Feeds;
using PovertyPortal.Web.Features.YearLocks;
using PovertyPortal.Web.Features.Reconciliation;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Features.Users;
using PovertyPortal.Web.Features.VillageWork;
using PovertyPortal.Web.Features.Villages;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.Web.Features;

public static class PortalFeatures
{
    /// <summary>Every use-case handler, injected directly into the pages that use it; each feature folder lists its own.</summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration) => services
        .AddAreaFeatures()
        .AddVillageFeatures()
        .AddUserFeatures()
        .AddAuditFeatures()
        .AddHouseholdFeatures()
        .AddImportFeatures()
        .AddIncomeFeatures()
        .AddBenefitFeatures()
        .AddMicroloanFeatures()
        .AddAssuranceFeatures()
        .AddWorkTeamFeatures()
        .AddVillageWorkFeatures()
        .AddAttachmentFeatures()
        .AddDashboardFeatures()
        .AddRectificationFeatures()
        .AddReconciliationFeatures()
        .AddFeedFeatures()
        .AddInspectionFeatures()
        .AddDataCheckFeatures()
        .AddSnapshotFeatures()
        .AddProcedureFeatures()
        .AddYearLockFeatures()
        .AddCorrectionFeatures()
        .AddCorrectionDocuments()
        .AddReportFeatures(configuration);
}
