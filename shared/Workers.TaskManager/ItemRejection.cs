namespace Workers.TaskManager;

/// <summary>An item a chunk processor did not apply, and why.</summary>
/// <param name="ItemKey">What identifies the item to a person (a SKU, "line 1234").</param>
/// <param name="Reason">Why it was not applied.</param>
public sealed record ItemRejection(string ItemKey, string Reason);
