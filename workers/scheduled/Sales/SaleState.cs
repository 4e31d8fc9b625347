using Workers.Domain.Promotions;

namespace Workers.Scheduled.Sales;

// Where a sale should be as of now: its status, the start of the repeat it is in, and whether that repeat is new
// (its sold count starts again from 0).
internal readonly record struct SaleState(SaleStatus Status, DateTimeOffset? HeldFrom, bool ResetCount);
