namespace Trama.Web.Features.Audit;

public static class AuditActions
{
    public const string Read = "Read";
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
}
