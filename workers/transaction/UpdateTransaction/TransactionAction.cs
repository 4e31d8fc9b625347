namespace Workers.Transaction.UpdateTransaction;

// What updateTransaction does to a transaction. Allowed: pending → completed (complete); pending or completed →
// cancelled, its stock reversed (cancel); completed → returned, a return transaction reversing its stock
// (return). Asking for the state a transaction is already in changes nothing (a resend); anything else is rejected.
internal enum TransactionAction
{
    Complete,
    Cancel,
    Return,
}
