namespace Workers.Domain.Promotions;

/// <summary>Whether a set deal or bundle is offered: published at its start date, withdrawn after it expires.</summary>
public enum PublicationStatus
{
    /// <summary>Not published yet.</summary>
    Draft,

    /// <summary>Offered.</summary>
    Published,

    /// <summary>Withdrawn after expiry (a bundle is dismantled: its components go back to stock).</summary>
    Withdrawn,
}
