namespace Workers.Domain.Ledger;

// A stock level the ledger holds locked during one call: its quantity as the call's changes move it.
internal sealed class LockedLevel(int quantity, bool ecLinked, bool created)
{
    public int Original { get; } = quantity;

    public int Quantity { get; set; } = quantity;

    public bool EcLinked { get; } = ecLinked;

    public bool Created { get; } = created;

    // Some change to it was applied (even one that left the quantity as it was, like a count of 0 on a new row).
    public bool Used { get; set; }
}
