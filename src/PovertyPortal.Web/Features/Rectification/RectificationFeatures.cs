namespace PovertyPortal.Web.Features.Rectification;

public static class RectificationFeatures
{
    /// <summary>The handlers of the rectification ledger (问题整改台账, issue 17).</summary>
    public static IServiceCollection AddRectificationFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListProblems>();
        services.AddScoped<GetProblem>();
        services.AddScoped<SaveProblem>();
        services.AddScoped<ActOnProblem>();
        services.AddScoped<ExtendProblemDeadline>();
        services.AddScoped<AddProblemEvidence>();
        services.AddScoped<ExportProblems>();
        services.AddScoped<GetProblemAlerts>();
        services.AddScoped<GetProblemFigures>();
        services.AddScoped<ListResponsibleUsers>();
        return services;
    }
}
