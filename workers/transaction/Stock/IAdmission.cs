namespace Workers.Transaction.Stock;

// A rule besides stock that a group must pass to be applied, with state of its own across the groups of one
// attempt (a sale's remaining quantity). Checked only for groups whose stock fits, in order.
internal interface IAdmission
{
    // Forgets the groups admitted so far: a new attempt starts.
    void Reset();

    // Admits group <index>, counting it, or returns why not.
    string? Admit(int index);
}
