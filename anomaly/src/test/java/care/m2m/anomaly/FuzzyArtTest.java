package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FuzzyArtTest {

    private static int[] input(int... values) {
        return values;
    }

    @Test
    void aRepeatedInputResonatesWithFullSimilarity() {
        FuzzyArt art = new FuzzyArt(4, 3, 8);
        art.train(input(0, 0, 0, 0), true, 0.8, 0.9); // initialises the uncommitted category
        art.train(input(100, 120, 140, 160), true, 0.8, 0.9);

        int again = art.train(input(100, 120, 140, 160), true, 0.8, 0.9);

        assertThat(again).isEqualTo(FuzzyArt.RESONANT);
        assertThat(art.similarity()).isEqualTo(1.0);
        assertThat(art.energySimilarity()).isEqualTo(1.0);
    }

    @Test
    void aDistantInputIsNovelAndANearOneIsNot() {
        FuzzyArt art = new FuzzyArt(4, 3, 8);
        art.train(input(0, 0, 0, 0), true, 0.5, 0.9);
        for (int i = 0; i < 5; i++) {
            art.train(input(100, 120, 140, 160), true, 0.5, 0.9);
        }

        int near = art.train(input(104, 124, 138, 162), true, 0.5, 0.999);
        int novel = art.train(input(250, 5, 250, 5), true, 0.5, 0.9);

        assertThat(near).isNotEqualTo(FuzzyArt.NOVEL);
        assertThat(novel).isEqualTo(FuzzyArt.NOVEL);
        assertThat(art.similarity()).isLessThan(0.5);
    }

    @Test
    void withoutLearningNothingIsStored() {
        FuzzyArt art = new FuzzyArt(4, 3, 8);
        art.train(input(0, 0, 0, 0), false, 0.5, 0.9);
        for (int i = 0; i < 5; i++) {
            assertThat(art.train(input(i * 40, 0, 0, i * 40), false, 0.5, 0.9)).isEqualTo(FuzzyArt.NOVEL);
        }

        assertThat(art.categories()).isEqualTo(1);
    }

    @Test
    void neverKeepsMoreCategoriesThanItsCapacity() {
        FuzzyArt art = new FuzzyArt(4, 3, 16);
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            art.train(input(random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256)),
                    true, 0.95, 0.99);
        }

        assertThat(art.categories()).isEqualTo(16);
    }

    @Test
    void theMostRecentlyUsedCategorySurvivesEviction() {
        FuzzyArt art = new FuzzyArt(2, 1, 4);
        art.train(input(0, 0), true, 0.99, 0.99);
        int[] kept = input(200, 200);
        art.train(kept, true, 0.99, 0.99);
        Random random = new Random(4);
        for (int i = 0; i < 200; i++) {
            art.train(kept, true, 0.99, 0.99);
            art.train(input(random.nextInt(120), random.nextInt(120)), true, 0.99, 0.99);
        }

        assertThat(art.train(kept, true, 0.99, 0.99)).isEqualTo(FuzzyArt.RESONANT);
    }
}
