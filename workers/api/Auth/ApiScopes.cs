namespace Workers.Api.Auth;

// What an API key may do. Admin includes the other two, so an operator's key needs one scope.
internal static class ApiScopes
{
    public const string Enqueue = "enqueue";
    public const string Read = "read";
    public const string Admin = "admin";

    // The claim type carrying one scope per claim.
    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All = [Enqueue, Read, Admin];

    // Parses "enqueue,read"; null with the unknown names when any is not a scope.
    public static IReadOnlyList<string>? Parse(IEnumerable<string> scopes, out IReadOnlyList<string> unknown)
    {
        var names = scopes.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        unknown = [.. names.Where(n => !All.Contains(n))];
        return unknown.Count > 0 || names.Count == 0 ? null : names;
    }
}
