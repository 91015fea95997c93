package com.propertyservice.advisor.kano;

/**
 * The Kano analysis of one survey item, as the contract names its fields.
 *
 * @param item        the catalogue issue key or service-item name the answers are about
 * @param answers     how many answer pairs were given for it (n)
 * @param counts      how many pairs fell into each category
 * @param category    the most frequent category, ties broken M &gt; O &gt; A &gt; I &gt; R &gt; Q
 * @param strength    the difference between the shares of the two most frequent categories (0..1)
 * @param significant whether that difference passes Fong's test
 * @param better      (A + O) / (A + O + M + I), or {@code null} when no answer is A, O, M or I
 * @param worse       −(O + M) / (A + O + M + I), or {@code null} when no answer is A, O, M or I
 */
public record ItemAnalysis(
        String item,
        int answers,
        Counts counts,
        KanoCategory category,
        double strength,
        boolean significant,
        Double better,
        Double worse) {

    /** How many answer pairs fell into each category. */
    public record Counts(int A, int O, int M, int I, int R, int Q) {

        /** The count of one category. */
        public int of(KanoCategory category) {
            return switch (category) {
                case A -> A;
                case O -> O;
                case M -> M;
                case I -> I;
                case R -> R;
                case Q -> Q;
            };
        }
    }
}
