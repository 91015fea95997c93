package com.propertyservice.advisor.insight;

/**
 * The Wilson score interval for a share (Wilson 1927): unlike the plain p ± z·√(p(1−p)/n) it stays
 * inside 0..1 and stays wide for small counts, so three satisfied owners out of three read as
 * "somewhere between 44 % and 100 %", not as proof.
 */
final class Wilson {

    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z95 = 1.959964;

    private Wilson() {}

    /**
     * The 95 % interval of {@code successes} out of {@code n}.
     *
     * @throws IllegalArgumentException when {@code n} is not positive or {@code successes} is outside 0..n
     */
    static InsightReport.Interval interval(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0; got " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new InsightReport.Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
