package org.newspipeline.query.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchRequest;

import java.util.List;

/** A saved search's parameters, named and meant as {@code GET /articles} takes them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SearchParams(String q, String source, List<String> entity, String type, String place, String lang,
                           String from, String to, String collapse) {

    /** @throws BadParameterException naming the field, for what {@code GET /articles} would refuse */
    public SearchRequest request() {
        try {
            return SearchRequest.of(q, source, entity, type, place, lang, from, to, null, 1, null).collapse(collapse);
        } catch (BadParameterException e) {
            throw new BadParameterException("search: " + e.getMessage());
        }
    }
}
