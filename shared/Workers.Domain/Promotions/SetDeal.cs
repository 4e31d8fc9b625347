namespace Workers.Domain.Promotions;

/// <summary>"Buy these products together for a price" (pos.set_deals), offered in one store between two dates.</summary>
public sealed class SetDeal
{
    /// <summary>The deal's id.</summary>
    public int Id { get; set; }

    /// <summary>The store.</summary>
    public int StoreId { get; set; }

    /// <summary>The code tasks name it by; unique per store.</summary>
    public required string Code { get; set; }

    /// <summary>Its name.</summary>
    public required string Name { get; set; }

    /// <summary>The price of the whole set, in yen.</summary>
    public int Price { get; set; }

    /// <summary>Draft → Published → Withdrawn.</summary>
    public PublicationStatus Status { get; set; }

    /// <summary>The first day it is offered (shop's local date).</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day it is offered; null for no end.</summary>
    public DateOnly? ExpiresOn { get; set; }
}
