namespace PovertyPortal.Web.Features.WorkTeams;

public static class WorkTeamFeatures
{
    /// <summary>The handlers of work teams, 五天四夜 attendance, work logs and pairings.</summary>
    public static IServiceCollection AddWorkTeamFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListWorkTeams>();
        services.AddScoped<SaveWorkTeam>();
        services.AddScoped<SaveWorkTeamMember>();
        services.AddScoped<ListLinkableUsers>();
        services.AddScoped<RecordAttendanceWeek>();
        services.AddScoped<GetTeamCompliance>();
        services.AddScoped<ListAttendanceShortfalls>();
        services.AddScoped<SaveWorkLog>();
        services.AddScoped<ListWorkLogs>();
        services.AddScoped<CountWorkLogs>();
        services.AddScoped<DeleteWorkLog>();
        services.AddScoped<ListHouseholdOptions>();
        services.AddScoped<SavePairing>();
        services.AddScoped<SaveAssistancePlan>();
        services.AddScoped<ListPairings>();
        return services;
    }
}
