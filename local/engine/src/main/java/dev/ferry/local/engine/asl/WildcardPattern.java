package dev.ferry.local.engine.asl;

/**
 * StringMatches patterns: {@code *} matches any run of characters; {@code \*} and {@code \\} stand for
 * a literal asterisk and backslash.
 */
final class WildcardPattern {

    private WildcardPattern() {
    }

    static boolean matches(String pattern, String text) {
        return matchFrom(pattern, 0, text, 0);
    }

    private static boolean matchFrom(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int start = t; start <= text.length(); start++) {
                    if (matchFrom(pattern, p + 1, text, start)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            }
            if (t >= text.length() || text.charAt(t) != c) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
