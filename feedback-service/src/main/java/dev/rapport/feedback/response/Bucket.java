package dev.rapport.feedback.response;

/** The four answers to "how important is this to you?"; the weight feeds the priority score. */
public enum Bucket {
    NOT_IMPORTANT(0), LOW_BUT_IMPORTANT(1), IMPORTANT(2), ESSENTIAL(3);

    public final int weight;

    Bucket(int weight) {
        this.weight = weight;
    }

    public static Bucket ofWeight(int weight) {
        return values()[weight];
    }
}
