package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.newspipeline.contract.TextSignature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Near-duplicates on rewritten Reuters-21578 stories: each chosen story plus copies rewritten the
 * way syndication rewrites wire copy (headline changed, last paragraphs cut, a credit line added,
 * paragraphs reordered, quotes shortened, the dateline and the closing "Reuter" dropped), mixed
 * with every other story of the same day and topic. Copy groups are made as query-service makes
 * them (candidates sharing a band of the signature, then {@link TextSignature#sameText}, joined
 * transitively); printed: pairwise precision and recall, pairs of different same-day same-topic
 * stories put together, the closest such pair, and the cost of a signature.
 * Arguments: originals (600), copies per original (2), seed (1).
 * <pre>./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.newspipeline.pipeline.bench.CopyEvaluation</pre>
 */
public final class CopyEvaluation {

    private record Story(String day, String topic, String title, String body) {
    }

    /** One text of the set; {@code truth} is the index of the story it is (a copy of). */
    record Item(int truth, String topicDay, String text) {
    }

    private CopyEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        int originals = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path reuters = Bench.sharedData().resolve("reuters21578");
        if (!Files.isDirectory(reuters)) {
            System.err.println("Reuters data not found at " + reuters + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<Item> items = rewrittenSet(reuters, originals, copies, seed);
        long start = System.nanoTime();
        List<int[]> signatures = items.stream().map(i -> TextSignature.of(i.text()).copyHashes()).toList();
        double micros = (System.nanoTime() - start) / 1e3 / items.size();
        int[] group = copyGroups(signatures);

        long truePairs = 0;
        long predicted = 0;
        long correct = 0;
        long sameTopicMerged = 0;
        double lowestCopy = 1;
        double highestOther = 0;
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                boolean same = items.get(a).truth() == items.get(b).truth();
                boolean together = group[a] == group[b];
                truePairs += same ? 1 : 0;
                predicted += together ? 1 : 0;
                correct += same && together ? 1 : 0;
                if (!same && items.get(a).topicDay().equals(items.get(b).topicDay())) {
                    sameTopicMerged += together ? 1 : 0;
                    highestOther = Math.max(highestOther, TextSignature.copySimilarity(signatures.get(a), signatures.get(b)));
                }
                if (same) {
                    lowestCopy = Math.min(lowestCopy, TextSignature.copySimilarity(signatures.get(a), signatures.get(b)));
                }
            }
        }
        long stories = items.stream().map(Item::truth).distinct().count();
        System.out.printf("%,d texts: %,d stories, %,d of them with %d rewritten copies, beside the other stories of their day and topic%n",
                items.size(), stories, (items.size() - stories) / copies, copies);
        System.out.printf("copy groups: pairwise precision %.3f, recall %.3f (%,d of %,d copy pairs found, %,d pairs put together)%n",
                predicted == 0 ? 1 : correct / (double) predicted, truePairs == 0 ? 1 : correct / (double) truePairs,
                correct, truePairs, predicted);
        System.out.printf("different stories of one day and topic in one group: %,d pairs; most similar such pair %.3f,"
                + " least similar copies %.3f (threshold %.2f)%n", sameTopicMerged, highestOther, lowestCopy,
                TextSignature.COPY_THRESHOLD);
        System.out.printf("signature: %.0f µs per text%n", micros);
    }

    /** Copy groups as query-service makes them: band candidates, the copy rule, joined transitively. */
    static int[] copyGroups(List<int[]> signatures) {
        int[] parent = new int[signatures.size()];
        Arrays.setAll(parent, i -> i);
        Map<Long, List<Integer>> byBand = new HashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            Set<Integer> candidates = new HashSet<>();
            for (long key : TextSignature.bandKeys(signatures.get(i))) {
                List<Integer> members = byBand.computeIfAbsent(key, k -> new ArrayList<>());
                candidates.addAll(members);
                members.add(i);
            }
            for (int c : candidates) {
                if (TextSignature.sameText(signatures.get(i), signatures.get(c))) {
                    parent[root(parent, i)] = root(parent, c);
                }
            }
        }
        int[] group = new int[parent.length];
        Arrays.setAll(group, i -> root(parent, i));
        return group;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The chosen stories, their copies, and every other story of their day and topic. */
    static List<Item> rewrittenSet(Path reuters, int originals, int copies, long seed) throws Exception {
        Map<String, List<Story>> byTopicDay = new LinkedHashMap<>();
        Set<String> bodies = new HashSet<>();
        for (JsonNode a : Bench.reuters(reuters)) {
            String body = a.path("body").asText("").strip();
            JsonNode topics = a.path("topics");
            // Long enough to be a story (not a one-line table), and each text once (the corpus repeats some).
            if (body.length() < 600 || topics.isEmpty() || !bodies.add(body)) {
                continue;
            }
            String day = a.path("date").asText("").strip().split(" ")[0];
            Story s = new Story(day, topics.get(0).asText(), a.path("title").asText(""), body);
            byTopicDay.computeIfAbsent(s.topic() + " " + s.day(), k -> new ArrayList<>()).add(s);
        }
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        int truth = 0;
        int chosen = 0;
        List<Set<String>> kept = new ArrayList<>();
        for (Map.Entry<String, List<Story>> group : byTopicDay.entrySet()) {
            if (group.getValue().size() < 2 || chosen >= originals) {
                continue;
            }
            // The first story of a day and topic gets copies; the others are its neighbours. Reuters
            // sent some stories again, corrected or updated (a fifth or more of their word 4-grams the
            // same as a story's already in, counted exactly): such a text is left out, being neither a copy made here nor
            // a different story.
            int inGroup = 0;
            for (int i = 0; i < group.getValue().size(); i++) {
                Story s = group.getValue().get(i);
                Set<String> grams = fourGrams(s.body());
                if (kept.stream().anyMatch(k -> jaccard(k, grams) >= 0.2)) {
                    continue;
                }
                kept.add(grams);
                inGroup++;
                items.add(new Item(truth, group.getKey(), s.body()));
                if (inGroup == 1) {
                    for (int c = 0; c < copies; c++) {
                        items.add(new Item(truth, group.getKey(), Syndication.rewrite(s.body(), random)));
                    }
                    chosen++;
                }
                truth++;
            }
        }
        return items;
    }

    private static Set<String> fourGrams(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 4 <= words.length; i++) {
            grams.add(String.join(" ", Arrays.copyOfRange(words, i, i + 4)));
        }
        return grams;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        long both = a.stream().filter(b::contains).count();
        return both / (double) (a.size() + b.size() - both);
    }

    /** What outlets do to wire copy they take. */
    static final class Syndication {

        private static final String[] CREDITS = {"(Reuters) - ", "By Reuters staff. ", "Source: Reuters. "};
        private static final String[] TAILS = {"\nReporting by the Reuters bureau; editing by the desk.",
                "\n(c) Reuters 1987. All rights reserved.", "\nMore on this story as it develops."};

        private Syndication() {
        }

        static String rewrite(String body, Random random) {
            List<String> paragraphs = new ArrayList<>(Arrays.stream(body.split("\\n\\s{2,}"))
                    .map(p -> p.replaceAll("\\s+", " ").strip()).filter(p -> !p.isEmpty()).toList());
            int last = paragraphs.size() - 1;
            if (last > 0 && paragraphs.get(last).equals("Reuter")) {
                paragraphs.remove(last);
            } else if (last >= 0) {
                paragraphs.set(last, paragraphs.get(last).replaceAll("\\s*Reuter$", ""));
            }
            if (paragraphs.size() > 3 && random.nextBoolean()) {
                // the last paragraphs cut: up to a third of the story
                int cut = 1 + random.nextInt(Math.max(1, paragraphs.size() / 3));
                paragraphs = new ArrayList<>(paragraphs.subList(0, paragraphs.size() - cut));
            }
            if (paragraphs.size() > 3 && random.nextBoolean()) {
                int at = 1 + random.nextInt(paragraphs.size() - 2);
                paragraphs.add(at + 1, paragraphs.remove(at));
            }
            if (random.nextBoolean()) {
                paragraphs.replaceAll(Syndication::shortenQuotes);
            }
            if (!paragraphs.isEmpty()) {
                // the dateline dropped ("NEW YORK, March 3 - " opens a Reuters body), a credit put in front
                String first = paragraphs.get(0).replaceFirst("^[A-Z][A-Z .,]+, [A-Z][a-z]+ \\d+ - ", "");
                paragraphs.set(0, CREDITS[random.nextInt(CREDITS.length)] + first);
            }
            return String.join("\n\n", paragraphs) + (random.nextBoolean() ? TAILS[random.nextInt(TAILS.length)] : "");
        }

        /** A quotation's second half dropped. */
        private static String shortenQuotes(String paragraph) {
            StringBuilder out = new StringBuilder();
            int from = 0;
            int open;
            while ((open = paragraph.indexOf('"', from)) >= 0) {
                int close = paragraph.indexOf('"', open + 1);
                if (close < 0) {
                    break;
                }
                String[] words = paragraph.substring(open + 1, close).split(" ");
                out.append(paragraph, from, open + 1)
                        .append(String.join(" ", Arrays.copyOf(words, Math.max(1, (words.length + 1) / 2))))
                        .append(words.length > 3 ? " ..." : "").append('"');
                from = close + 1;
            }
            return out.append(paragraph.substring(from)).toString();
        }
    }
}
