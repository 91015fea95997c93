package com.propertyservice.advisor.kano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Kano evaluation against figures worked by hand. Answers: 1 I like it, 2 I expect it,
 * 3 I am neutral, 4 I can live with it, 5 I dislike it.
 */
class KanoAnalysisTest {

    /**
     * The standard evaluation table as the literature prints it (Berger et al. 1993): functional
     * answer down, dysfunctional answer across.
     */
    static final String[] PRINTED_TABLE = {
        "Q A A A O", "R I I I M", "R I I I M", "R I I I M", "R R R R Q",
    };

    @Test
    void everyOneOfTheTwentyFiveAnswerPairsGetsTheCategoryOfThePrintedTable() {
        int checked = 0;
        for (int functional = 1; functional <= 5; functional++) {
            String[] row = PRINTED_TABLE[functional - 1].split(" ");
            for (int dysfunctional = 1; dysfunctional <= 5; dysfunctional++) {
                assertThat(KanoAnalysis.evaluate(functional, dysfunctional))
                        .as("functional %d, dysfunctional %d", functional, dysfunctional)
                        .isEqualTo(KanoCategory.valueOf(row[dysfunctional - 1]));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25);
    }

    @Test
    void theCornersReadAsKanoDescribesThem() {
        // liked when present, disliked when absent: the more the better
        assertThat(KanoAnalysis.evaluate(1, 5)).isEqualTo(KanoCategory.O);
        // taken for granted when present, disliked when absent
        assertThat(KanoAnalysis.evaluate(2, 5)).isEqualTo(KanoCategory.M);
        // liked when present, not missed when absent
        assertThat(KanoAnalysis.evaluate(1, 3)).isEqualTo(KanoCategory.A);
        // disliked when present, liked when absent
        assertThat(KanoAnalysis.evaluate(5, 1)).isEqualTo(KanoCategory.R);
        // liked both ways, disliked both ways: the answers contradict each other
        assertThat(KanoAnalysis.evaluate(1, 1)).isEqualTo(KanoCategory.Q);
        assertThat(KanoAnalysis.evaluate(5, 5)).isEqualTo(KanoCategory.Q);
    }

    @Test
    void anAnswerOutsideOneToFiveIsRefused() {
        assertThatThrownBy(() -> KanoAnalysis.evaluate(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KanoAnalysis.evaluate(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equallyFrequentCategoriesAreBrokenMustBeBeforeOneDimensionalBeforeAttractiveBeforeIndifferent() {
        assertThat(analyse(m(10), o(10)).category()).isEqualTo(KanoCategory.M);
        assertThat(analyse(o(10), a(10)).category()).isEqualTo(KanoCategory.O);
        assertThat(analyse(a(10), i(10)).category()).isEqualTo(KanoCategory.A);
        assertThat(analyse(m(7), o(7), a(7), i(7)).category()).isEqualTo(KanoCategory.M);
        assertThat(analyse(a(7), i(7), r(7)).category()).isEqualTo(KanoCategory.A);
        // a tie leaves no difference between the top two: strength 0, never significant
        ItemAnalysis tie = analyse(o(10), a(10));
        assertThat(tie.strength()).isZero();
        assertThat(tie.significant()).isFalse();
        // the tie rule does not override a real majority
        assertThat(analyse(m(9), i(10)).category()).isEqualTo(KanoCategory.I);
    }

    @Test
    void fongsTestAgainstFiguresWorkedByHand() {
        // n = 100, a = 40, b = 25: 1.65 · √(65 · 135 / 200) = 1.65 · √43.875 = 1.65 · 6.624 = 10.93; |40 − 25| = 15 ≥
        // 10.93
        assertThat(KanoAnalysis.fongSignificant(40, 25, 100)).isTrue();
        // same threshold 10.93, but |35 − 30| = 5 < 10.93
        assertThat(KanoAnalysis.fongSignificant(35, 30, 100)).isFalse();
        // n = 50, a = 20, b = 10: 1.65 · √(30 · 70 / 100) = 1.65 · √21 = 7.56; |20 − 10| = 10 ≥ 7.56
        assertThat(KanoAnalysis.fongSignificant(20, 10, 50)).isTrue();
        // n = 50, a = 17, b = 10: 1.65 · √(27 · 73 / 100) = 1.65 · √19.71 = 7.33; |17 − 10| = 7 < 7.33, just short
        assertThat(KanoAnalysis.fongSignificant(17, 10, 50)).isFalse();
        // a single answer proves nothing: n = 1, a = 1, b = 0: 1.65 · √(1 · 1 / 2) = 1.17 > 1
        assertThat(KanoAnalysis.fongSignificant(1, 0, 1)).isFalse();
    }

    @Test
    void betterWorseCategoryStrengthAndSignificanceOfAnItemWorkedByHand() {
        // A 30, O 50, M 15, I 5 (n = 100): Better = (30 + 50) / 100 = 0.80, Worse = −(50 + 15) / 100 = −0.65;
        // category O (50), strength (50 − 30) / 100 = 0.20; Fong: 1.65 · √(80 · 120 / 200) = 11.43 ≤ 20
        ItemAnalysis item = analyse(a(30), o(50), m(15), i(5));
        assertThat(item.answers()).isEqualTo(100);
        assertThat(item.counts()).isEqualTo(new ItemAnalysis.Counts(30, 50, 15, 5, 0, 0));
        assertThat(item.category()).isEqualTo(KanoCategory.O);
        assertThat(item.strength()).isCloseTo(0.20, within(1e-9));
        assertThat(item.significant()).isTrue();
        assertThat(item.better()).isCloseTo(0.80, within(1e-9));
        assertThat(item.worse()).isCloseTo(-0.65, within(1e-9));
    }

    @Test
    void reverseAndQuestionableAnswersCountInTheSharesButNotInBetterAndWorse() {
        // A 12, O 18, M 24, I 6, R 6, Q 4 (n = 70): A + O + M + I = 60; Better = 30 / 60 = 0.50, Worse = −42 / 60 =
        // −0.70;
        // category M (24), then O (18): strength 6 / 70 = 0.0857; Fong: 1.65 · √(42 · 98 / 140) = 1.65 · √29.4 = 8.95 >
        // 6
        ItemAnalysis item = analyse(a(12), o(18), m(24), i(6), r(6), q(4));
        assertThat(item.answers()).isEqualTo(70);
        assertThat(item.category()).isEqualTo(KanoCategory.M);
        assertThat(item.strength()).isCloseTo(6.0 / 70, within(1e-9));
        assertThat(item.significant()).isFalse();
        assertThat(item.better()).isCloseTo(0.50, within(1e-9));
        assertThat(item.worse()).isCloseTo(-0.70, within(1e-9));
    }

    @Test
    void anItemWithOnlyReverseAndQuestionableAnswersHasNoBetterOrWorse() {
        ItemAnalysis item = analyse(r(8), q(2));
        assertThat(item.category()).isEqualTo(KanoCategory.R);
        assertThat(item.better()).isNull();
        assertThat(item.worse()).isNull();
        // n = 10, a = 8, b = 2: 1.65 · √(10 · 10 / 20) = 3.69 ≤ 6
        assertThat(item.significant()).isTrue();
    }

    @Test
    void pairsAreCountedThroughTheTableNotByTheirPosition() {
        int[][] pairs = new int[5][5];
        pairs[0][4] = 3; // like / dislike: O
        pairs[1][4] = 2; // expect / dislike: M
        pairs[3][4] = 2; // live with / dislike: M
        pairs[0][2] = 1; // like / neutral: A
        pairs[2][2] = 1; // neutral / neutral: I
        ItemAnalysis item = KanoAnalysis.analyse("lift-outage", pairs);
        assertThat(item.counts()).isEqualTo(new ItemAnalysis.Counts(1, 3, 4, 1, 0, 0));
        assertThat(item.category()).isEqualTo(KanoCategory.M);
    }

    @Test
    void anItemWithoutAnswersOrWithAMalformedTableIsRefused() {
        assertThatThrownBy(() -> KanoAnalysis.analyse("x", new int[5][5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KanoAnalysis.analyse("x", new int[4][5])).isInstanceOf(IllegalArgumentException.class);
    }

    // one answer pair that the table sends to each category, repeated n times
    private static int[] a(int n) {
        return new int[] {1, 3, n};
    }

    private static int[] o(int n) {
        return new int[] {1, 5, n};
    }

    private static int[] m(int n) {
        return new int[] {2, 5, n};
    }

    private static int[] i(int n) {
        return new int[] {3, 3, n};
    }

    private static int[] r(int n) {
        return new int[] {5, 1, n};
    }

    private static int[] q(int n) {
        return new int[] {1, 1, n};
    }

    private static ItemAnalysis analyse(int[]... pairs) {
        int[][] table = new int[5][5];
        for (int[] pair : pairs) {
            table[pair[0] - 1][pair[1] - 1] += pair[2];
        }
        return KanoAnalysis.analyse("item", table);
    }
}
