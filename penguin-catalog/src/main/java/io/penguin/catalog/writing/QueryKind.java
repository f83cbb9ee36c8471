package io.penguin.catalog.writing;

/** How much a generated query says about the risk behind it. */
public enum QueryKind {
    /** A practical question: the query alone does not reveal who asks or how they are. */
    PRACTICAL,
    /** Ambiguous: harmless from most people, worrying from someone at risk (pills, heights, "disappearing"). */
    LATENT,
    /** Says outright that the person thinks of harming themselves. */
    EXPLICIT
}
