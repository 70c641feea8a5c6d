package org.newspipeline.query.web;

import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page's query as it stands in its URL, and the URLs one change away from it: a facet
 * chip adds or removes a filter, a timeline bar sets the dates, "more" adds the cursor. The URL is
 * the state, so a search can be shared and the back button works.
 */
public final class WebQuery {

    static final List<String> NAMES = List.of("q", "source", "entity", "type", "place", "lang", "from", "to", "sort", "collapse",
            "normalize");

    private final Map<String, List<String>> params;

    private WebQuery(Map<String, List<String>> params) {
        this.params = params;
    }

    static WebQuery of(MultivaluedMap<String, String> query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : NAMES) {
            List<String> values = query.get(name);
            if (values != null) {
                List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
                if (!kept.isEmpty()) {
                    params.put(name, name.equals("entity") ? kept : List.of(kept.get(kept.size() - 1)));
                }
            }
        }
        return new WebQuery(params);
    }

    public String get(String name) {
        List<String> values = params.get(name);
        return values == null ? "" : values.get(0);
    }

    public List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    /** The page shows one hit per story unless asked for every article ({@code collapse=none}). */
    public boolean byStory() {
        return !get("collapse").equals("none");
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** Filters set, as chips that remove them. */
    public List<Map.Entry<String, String>> filters() {
        List<Map.Entry<String, String>> filters = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!name.equals("q") && !name.equals("sort") && !name.equals("normalize")) {
                values.forEach(v -> filters.add(Map.entry(name, v)));
            }
        });
        return filters;
    }

    /** This query with the filter added, or removed when it is set (a chip toggles). */
    public String toggle(String name, String value) {
        Map<String, List<String>> next = copy();
        List<String> values = new ArrayList<>(next.getOrDefault(name, List.of()));
        if (values.contains(value)) {
            values.remove(value);
        } else if (name.equals("entity")) {
            values.add(value);
        } else {
            values = new ArrayList<>(List.of(value));
        }
        put(next, name, values);
        return url(next, null);
    }

    /** This query with one value set (or removed when empty): sort order, date range. */
    public String with(String name, String value) {
        Map<String, List<String>> next = copy();
        put(next, name, value == null || value.isBlank() ? List.of() : List.of(value));
        return url(next, null);
    }

    public String range(String from, String to) {
        Map<String, List<String>> next = copy();
        put(next, "from", List.of(from));
        put(next, "to", List.of(to));
        return url(next, null);
    }

    /** This query narrowed to a month ("2018-09"). */
    public String month(String month) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        return range(m.atDay(1).toString(), m.atEndOfMonth().toString());
    }

    /** The next page of this query. */
    public String more(String cursor) {
        return url(params, cursor);
    }

    /** Where a page of this query (at that cursor, or the first) gets its hits' story details. */
    public String storyDetails(String cursor) {
        return "/story-more" + url(params, cursor).substring(1);
    }

    /** The parameters alone, for the live stream and the timeline. */
    public String filtersOnly() {
        Map<String, List<String>> next = copy();
        next.remove("sort");
        next.remove("collapse");
        String url = url(next, null);
        return url.equals("/") ? "" : url.substring(2);
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private static void put(Map<String, List<String>> params, String name, List<String> values) {
        if (values.isEmpty()) {
            params.remove(name);
        } else {
            params.put(name, values);
        }
    }

    private static String url(Map<String, List<String>> params, String cursor) {
        StringBuilder url = new StringBuilder("/");
        char sep = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        if (cursor != null) {
            url.append(sep).append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
