namespace PovertyPortal.Web.Features.Correction;

public static class CorrectionFeatures
{
    /// <summary>The handlers of community-correction casework (社区矫正, issue 19).</summary>
    public static IServiceCollection AddCorrectionFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListCorrectionTasks>();
        services.AddScoped<ListCorrectionSubjects>();
        services.AddScoped<GetCorrectionCase>();
        services.AddScoped<SaveCorrectionSubject>();
        services.AddScoped<SaveAssessment>();
        services.AddScoped<SaveReceipt>();
        services.AddScoped<SaveAnnouncement>();
        services.AddScoped<AddSupervisionRecord>();
        services.AddScoped<SaveLeaveRequest>();
        services.AddScoped<DecideLeaveRequest>();
        services.AddScoped<SaveResidenceChange>();
        services.AddScoped<DecideResidenceChange>();
        services.AddScoped<IssueWarning>();
        services.AddScoped<SaveProposal>();
        services.AddScoped<CloseCorrectionCase>();
        services.AddScoped<SaveCalendarDay>();
        services.AddScoped<RevealCorrectionIdentity>();
        return services;
    }
}
