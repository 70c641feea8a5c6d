package org.newspipeline.contract;

import java.text.Normalizer;
import java.util.Locale;

/** How entity names are compared everywhere: lower case, no accents, single spaces, no leading "the". */
public final class Names {

    private Names() {
    }

    public static String key(String name) {
        String k = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[’']s$", "").replaceAll("\\s+", " ").strip();
        return k.startsWith("the ") ? k.substring(4) : k;
    }
}
