namespace Workers.Domain.Promotions;

/// <summary>
/// A campaign on some products of a store (pos.sales): discounted prices within a window, optionally repeating
/// on a cron rule and optionally limited in quantity.
/// </summary>
public sealed class Sale
{
    /// <summary>The sale's id.</summary>
    public int Id { get; set; }

    /// <summary>The store it runs in.</summary>
    public int StoreId { get; set; }

    /// <summary>The code tasks name it by; unique per store.</summary>
    public required string Code { get; set; }

    /// <summary>Its name.</summary>
    public required string Name { get; set; }

    /// <summary>NOT_HELD → ON_HELD → FINISHED (a repeating sale goes back to NOT_HELD between repeats).</summary>
    public SaleStatus Status { get; set; }

    /// <summary>When the window opens.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>When the window closes; null for open-ended.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>A cron rule (Asia/Tokyo) on which the sale opens again, if it repeats.</summary>
    public string? RepeatRule { get; set; }

    /// <summary>How long each repeat stays on, in minutes, if it repeats.</summary>
    public int? RepeatMinutes { get; set; }

    /// <summary>How many units may be sold at the sale's prices (per repeat); null for no limit.</summary>
    public int? QuantityLimit { get; set; }

    /// <summary>How many units were sold at the sale's prices (in the current repeat).</summary>
    public int SoldCount { get; set; }

    /// <summary>
    /// When the repeat it is in (or last was in) started: a repeating sale's current rule occurrence, set when the
    /// scheduled worker reset its sold count for that repeat; null for a one-shot sale or before its first repeat.
    /// </summary>
    public DateTimeOffset? HeldFrom { get; set; }

    /// <summary>When it last changed status.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
