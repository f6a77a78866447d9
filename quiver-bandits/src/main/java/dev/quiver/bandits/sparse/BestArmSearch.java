package dev.quiver.bandits.sparse;

/** A method that looks for a near-optimal arm of a {@link MisspecifiedArms} instance by querying it. */
public interface BestArmSearch {

    /** The method's short name. */
    String name();

    /** Searches {@code arms} and returns the chosen arm (queries are counted by {@code arms}). */
    int search(MisspecifiedArms arms);

    /** Runs the search and measures the result. */
    default SearchResult run(MisspecifiedArms arms) {
        long before = arms.queries();
        int k = search(arms);
        return new SearchResult(name(), k, arms.queries() - before, arms.gap(k), arms.epsilon());
    }
}
