using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Import;
using PovertyPortal.Web.Features.Support;
using PovertyPortal.Web.Features.Users;
using PovertyPortal.Web.Features.Villages;

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
        services.AddSupportFeatures();
        return services;
    }
}
