namespace Workers.Transaction.Stock;

// A rule besides stock that a group must pass to be applied, with state of its own across the groups of one
// chunk (a sale's remaining quantity). Asked only for groups whose stock fits, once each, in order.
internal interface IAdmission
{
    // Admits group <index>, counting it, or returns why not.
    string? Admit(int index);
}
