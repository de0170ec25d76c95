package dev.ferry.local.rehearsal;

/** Small pieces of English the display and the summary share. */
final class Wording {

    private Wording() {
    }

    /** {@code 1 fix}, {@code 3 fixes}. */
    static String count(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
