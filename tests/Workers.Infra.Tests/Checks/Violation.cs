namespace Workers.Infra.Tests.Checks;

// One broken rule in one file: what a failing check prints, so the reader knows where to look and what to fix.
public sealed record Violation(string File, string Rule, string Message)
{
    public override string ToString() => $"{File}: [{Rule}] {Message}";
}
