namespace PovertyPortal.Web.Features.Inspections;

public static class InspectionFeatures
{
    /// <summary>The handlers of cross-inspection (督导/交叉检查, issue 17): the plan, the group's work and the report.</summary>
    public static IServiceCollection AddInspectionFeatures(this IServiceCollection services)
    {
        services.AddScoped<InspectionAccess>();
        services.AddScoped<ListInspectionWork>();
        services.AddScoped<GetInspectionSample>();
        services.AddScoped<GetInspectionItems>();
        services.AddScoped<SaveInspectionAnswer>();
        services.AddScoped<SetVisitMode>();
        services.AddScoped<AddInspectionPhoto>();
        services.AddScoped<ActOnFinding>();
        services.AddScoped<RevealSampledPhone>();
        services.AddScoped<InspectionOversight>();
        services.AddScoped<GetInspectionProgress>();
        services.AddScoped<GetInspectionReport>();
        services.AddSingleton<InspectionReportFiles>();
        services.AddScoped<ListInspectionRounds>();
        services.AddScoped<GetInspectionRound>();
        services.AddScoped<SaveInspectionRound>();
        services.AddScoped<ProposeInspectionPairs>();
        services.AddScoped<SaveInspectionPairs>();
        services.AddScoped<SaveInspectionGroup>();
        services.AddScoped<SaveRoundChecklist>();
        services.AddScoped<GetChecklistTemplate>();
        services.AddScoped<SaveChecklistTemplate>();
        services.AddScoped<DrawSample>();
        services.AddScoped<ReplaySampleDraw>();
        services.AddScoped<ListSample>();
        services.AddScoped<AdjustSample>();
        services.AddScoped<ChangeInspectionRoundStatus>();
        services.AddScoped<InspectionPlanFiles>();
        return services;
    }
}
