package dev.ferry.wave;

import java.util.ArrayList;
import java.util.List;

/**
 * The paths of a wave definition's problems ({@code servers[1].launch.tags["Project"]}) as segments
 * (field names, map keys and array indexes) and back, so that the parser's problems and the
 * schema's complaints can be matched by where they are.
 */
final class WavePaths {

    private WavePaths() {
    }

    /** The segments of a parser path; the empty path and {@code $} are the document itself. */
    static List<Object> parse(String path) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (path.startsWith("[\"", i)) {
                int end = path.indexOf("\"]", i + 2);
                segments.add(path.substring(i + 2, end));
                i = end + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                segments.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(i, end);
                if (!name.equals("$")) {
                    segments.add(name);
                }
                i = end;
            }
        }
        return segments;
    }

    /** A path of segments as the parser writes it; map keys are written as names. */
    static String format(List<Object> segments) {
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment);
            }
        }
        return path.toString();
    }
}
