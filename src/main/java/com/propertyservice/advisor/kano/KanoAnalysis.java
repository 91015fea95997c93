package com.propertyservice.advisor.kano;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Kano evaluation of survey answers, as the contract defines it: the standard evaluation table
 * (Berger et al. 1993), the category by the most frequent answer, its strength, Fong's significance
 * test and the Better/Worse coefficients. Plain Java, no state.
 *
 * <p>Answers are coded 1 I like it, 2 I expect it, 3 I am neutral, 4 I can live with it, 5 I dislike it.
 */
public final class KanoAnalysis {

    /** The lowest and highest answer code. */
    public static final int LOWEST = 1;

    public static final int HIGHEST = 5;

    /** The constant of Fong's test as the contract and Fong (1993) give it (a significance level of about 10 %). */
    static final double FONG_CONSTANT = 1.65;

    /** Row: the functional answer; column: the dysfunctional answer. */
    private static final KanoCategory[][] TABLE = {
        //              like             expect           neutral          live with        dislike
        /* like      */ {KanoCategory.Q, KanoCategory.A, KanoCategory.A, KanoCategory.A, KanoCategory.O},
        /* expect    */ {KanoCategory.R, KanoCategory.I, KanoCategory.I, KanoCategory.I, KanoCategory.M},
        /* neutral   */ {KanoCategory.R, KanoCategory.I, KanoCategory.I, KanoCategory.I, KanoCategory.M},
        /* live with */ {KanoCategory.R, KanoCategory.I, KanoCategory.I, KanoCategory.I, KanoCategory.M},
        /* dislike   */ {KanoCategory.R, KanoCategory.R, KanoCategory.R, KanoCategory.R, KanoCategory.Q},
    };

    private KanoAnalysis() {}

    /**
     * The category of one answer pair.
     *
     * @throws IllegalArgumentException when an answer is outside 1..5
     */
    public static KanoCategory evaluate(int functional, int dysfunctional) {
        checkAnswer(functional, "functional");
        checkAnswer(dysfunctional, "dysfunctional");
        return TABLE[functional - LOWEST][dysfunctional - LOWEST];
    }

    /**
     * The analysis of one item from how often each answer pair was given: {@code pairs[f - 1][d - 1]}
     * is the number of respondents who answered {@code f} to the functional and {@code d} to the
     * dysfunctional question.
     *
     * @throws IllegalArgumentException when {@code pairs} is not 5 × 5, holds a negative count or no answer at all
     */
    public static ItemAnalysis analyse(String item, int[][] pairs) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(pairs, "pairs");
        if (pairs.length != HIGHEST || Arrays.stream(pairs).anyMatch(row -> row == null || row.length != HIGHEST)) {
            throw new IllegalArgumentException("pairs must be 5 x 5");
        }
        int[] byCategory = new int[KanoCategory.values().length];
        int answers = 0;
        for (int f = LOWEST; f <= HIGHEST; f++) {
            for (int d = LOWEST; d <= HIGHEST; d++) {
                int count = pairs[f - LOWEST][d - LOWEST];
                if (count < 0) {
                    throw new IllegalArgumentException("negative count for the pair " + f + "/" + d);
                }
                byCategory[evaluate(f, d).ordinal()] += count;
                answers += count;
            }
        }
        if (answers == 0) {
            throw new IllegalArgumentException("no answer for " + item);
        }
        ItemAnalysis.Counts counts = new ItemAnalysis.Counts(
                byCategory[KanoCategory.A.ordinal()],
                byCategory[KanoCategory.O.ordinal()],
                byCategory[KanoCategory.M.ordinal()],
                byCategory[KanoCategory.I.ordinal()],
                byCategory[KanoCategory.R.ordinal()],
                byCategory[KanoCategory.Q.ordinal()]);
        List<KanoCategory> ranked = ranked(counts);
        int first = counts.of(ranked.get(0));
        int second = counts.of(ranked.get(1));
        int relevant = counts.A() + counts.O() + counts.M() + counts.I();
        Double better = relevant == 0 ? null : (double) (counts.A() + counts.O()) / relevant;
        Double worse = relevant == 0 ? null : -(double) (counts.O() + counts.M()) / relevant;
        return new ItemAnalysis(
                item,
                answers,
                counts,
                ranked.get(0),
                (double) (first - second) / answers,
                fongSignificant(first, second, answers),
                better,
                worse);
    }

    /**
     * The categories, most frequent first; equally frequent ones in the tie order M, O, A, I, R, Q
     * (the declaration order of {@link KanoCategory}).
     */
    public static List<KanoCategory> ranked(ItemAnalysis.Counts counts) {
        List<KanoCategory> ranked = new ArrayList<>(List.of(KanoCategory.values()));
        ranked.sort(Comparator.comparingInt(counts::of).reversed().thenComparingInt(KanoCategory::ordinal));
        return ranked;
    }

    /**
     * Fong's test: whether the most frequent category ({@code a} answers) stands out from the second
     * ({@code b}) among {@code n}: |a − b| ≥ 1.65 · √((a + b)(2n − a − b) / 2n).
     */
    public static boolean fongSignificant(int a, int b, int n) {
        if (a < 0 || b < 0 || n <= 0 || a + b > n) {
            throw new IllegalArgumentException(
                    "need 0 <= a, b and a + b <= n, n > 0; got a=" + a + " b=" + b + " n=" + n);
        }
        double threshold = FONG_CONSTANT * Math.sqrt((double) (a + b) * (2.0 * n - a - b) / (2.0 * n));
        return Math.abs(a - b) >= threshold;
    }

    private static void checkAnswer(int answer, String question) {
        if (answer < LOWEST || answer > HIGHEST) {
            throw new IllegalArgumentException(
                    question + " answer " + answer + " is outside " + LOWEST + ".." + HIGHEST);
        }
    }
}
