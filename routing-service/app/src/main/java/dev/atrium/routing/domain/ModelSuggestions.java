package dev.atrium.routing.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The catalogue's models closest to an unknown id: a typo, a missing author, another version. */
public final class ModelSuggestions {

    private static final int LIMIT = 3;

    private ModelSuggestions() {
    }

    public static List<String> closeTo(String requested, List<Model> models) {
        String wanted = requested.toLowerCase(Locale.ROOT);
        String wantedSlug = slug(wanted);
        int tolerance = Math.max(3, wanted.length() / 4);
        return models.stream().map(Model::id)
                .filter(id -> distance(wanted, id.toLowerCase(Locale.ROOT)) <= tolerance
                        || (wantedSlug.length() >= 3 && slug(id.toLowerCase(Locale.ROOT)).contains(wantedSlug)))
                .sorted(Comparator.comparingInt((String id) -> distance(wanted, id.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(LIMIT).toList();
    }

    private static String slug(String id) {
        return id.substring(id.indexOf('/') + 1);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
