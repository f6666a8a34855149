namespace PovertyPortal.Web.Features.Procedures;

/// <summary>The printable 公示 (PDF or Word) at a stable URL.</summary>
public static class PublicNoticeEndpoints
{
    public static string Url(int noticeId, string format) => $"/procedures/notices/{noticeId}/document?format={format}";
}
