namespace PovertyPortal.Web.Features.Procedures;

public static class ProcedureFeatures
{
    /// <summary>The handlers of the identification and exit procedures (issue 20): cases, 公示, objections, county rules.</summary>
    public static IServiceCollection AddProcedureFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListProcedureCases>();
        services.AddScoped<GetProcedureCase>();
        services.AddScoped<SaveProcedureCase>();
        services.AddScoped<RecordVillageReview>();
        services.AddScoped<PostPublicNotice>();
        services.AddScoped<RecordNoticeObjection>();
        services.AddScoped<AnswerNoticeObjection>();
        services.AddScoped<ReviewProcedureAtTownship>();
        services.AddScoped<DecideProcedureAtCounty>();
        services.AddScoped<WithdrawProcedureCase>();
        services.AddScoped<ListPublicNotices>();
        services.AddScoped<GetPublicNotice>();
        services.AddScoped<GetProcedureRules>();
        services.AddScoped<SaveProcedureRules>();
        return services;
    }
}
