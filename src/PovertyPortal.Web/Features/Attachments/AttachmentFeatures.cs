namespace PovertyPortal.Web.Features.Attachments;

public static class AttachmentFeatures
{
    /// <summary>The handlers of attachments of work logs and projects (the download endpoint is mapped by MapAttachmentEndpoints).</summary>
    public static IServiceCollection AddAttachmentFeatures(this IServiceCollection services)
    {
        services.AddScoped<UploadAttachment>();
        services.AddScoped<ListAttachments>();
        services.AddScoped<DeleteAttachment>();
        return services;
    }
}
