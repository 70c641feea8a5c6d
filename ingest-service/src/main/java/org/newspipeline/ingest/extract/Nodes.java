package org.newspipeline.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tree operations on untrusted pages that stay linear in the size of the page. */
final class Nodes {

    private Nodes() {
    }

    /**
     * Detaches every element given. One at a time, each removal shifts the siblings after it, so a
     * page of 50,000 sibling scripts would cost the square of that; here each parent's children are
     * rebuilt once.
     */
    static void removeAll(Collection<Element> elements) {
        Map<Element, Set<Node>> byParent = new LinkedHashMap<>();
        for (Element e : elements) {
            if (e.parent() != null) {
                byParent.computeIfAbsent(e.parent(), p -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(e);
            }
        }
        byParent.forEach((parent, gone) -> {
            checkInterrupt();
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        });
    }

    /** Long walks over a page stop when their thread is told to (the page ran over its time limit). */
    static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new UnreadablePageException("it was not read within its time limit");
        }
    }
}
