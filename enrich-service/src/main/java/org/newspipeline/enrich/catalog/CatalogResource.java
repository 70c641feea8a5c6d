package org.newspipeline.enrich.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newspipeline.contract.CatalogEntry;
import org.newspipeline.contract.CountryCodes;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.contract.Names;
import org.newspipeline.contract.PayloadText;
import org.newspipeline.edge.Problem;
import org.newspipeline.edge.QueryParams;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.reenrich.Reenrichment;
import org.newspipeline.enrich.reenrich.Reenrichments;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Corrections of the entity catalog, shared by every replica through {@code entities.catalog}
 * (writes need the API key, as every write). Each change records who, when and why; articles
 * already enriched keep their entities until they are enriched again.
 */
@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private static final int MAX_ALIASES = 100;
    private static final int MAX_NAME = 200;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    /** An entity as the catalog has it. */
    public record CatalogEntity(String name, String type, List<String> aliases, String countryCode) {
        static CatalogEntity of(EntityCatalog.Known k) {
            return new CatalogEntity(k.name(), k.type().name(), k.aliases(), k.countryCode());
        }
    }

    /** @param reenrich also enrich again the stored articles that name the entity (see {@code /reenrichments}) */
    public record EntityChange(String type, List<String> aliases, String countryCode, String reason, String by,
                               boolean reenrich) {
    }

    public record Merge(String into, String reason, String by, boolean reenrich) {
    }

    public record Block(String text, String type, String reason, String by, boolean reenrich) {
    }

    private final LiveCatalog catalog;
    private final CatalogTopic topic;
    private final Reenrichments reenrichments;

    public CatalogResource(LiveCatalog catalog, CatalogTopic topic, Reenrichments reenrichments) {
        this.catalog = catalog;
        this.topic = topic;
        this.reenrichments = reenrichments;
    }

    @GET
    @Path("entities")
    @Operation(summary = "Catalog entities a name or alias of which starts with prefix")
    public List<CatalogEntity> entities(@QueryParam("prefix") @DefaultValue("") String prefix,
                                        @QueryParam("limit") String limit) {
        return catalog.get().startingWith(prefix, QueryParams.count("limit", limit, 20, 100)).stream()
                .map(CatalogEntity::of).toList();
    }

    @GET
    @Path("entities/{name}")
    @Operation(summary = "A catalog entity by name or alias")
    public Response entity(@PathParam("name") String name) {
        return catalog.get().byAlias(name).map(k -> Response.ok(CatalogEntity.of(k)).build())
                .orElseGet(() -> Problem.response(404, "the catalog has no entity named " + name));
    }

    @PUT
    @Path("entities/{name}")
    @Operation(summary = "Create an entity, or give it a type and more aliases: {type, aliases[], countryCode?, reason, by?}")
    public Response put(@PathParam("name") String name, EntityChange change) {
        requireName(name);
        Type type = type(change == null ? null : change.type(), true);
        Set<String> aliases = new LinkedHashSet<>(catalog.get().byAlias(name).filter(k -> k.name().equals(name))
                .map(EntityCatalog.Known::aliases).orElse(List.of()));
        aliases.addAll(aliases(change.aliases()));
        aliases.remove(name);
        topic.publish(entry(CatalogEntry.Kind.ENTITY, name, type, List.copyOf(aliases), countryCode(change.countryCode()), false,
                change.by(), change.reason()));
        return answer(Response.ok(catalog.get().byAlias(name).map(CatalogEntity::of).orElseThrow()), change.reenrich(),
                name, change.reason());
    }

    @POST
    @Path("entities/{name}/merge")
    @Operation(summary = "Merge an entity into another: its name and aliases become aliases of {into}")
    public Response merge(@PathParam("name") String name, Merge merge) {
        if (merge == null || merge.into() == null || merge.into().isBlank()) {
            throw new BadCorrectionException("'into' names the entity to merge into");
        }
        EntityCatalog now = catalog.get();
        EntityCatalog.Known into = now.byAlias(merge.into()).orElseThrow(() ->
                new BadCorrectionException("the catalog has no entity named " + merge.into()));
        Set<String> aliases = new LinkedHashSet<>(into.aliases());
        aliases.add(name);
        now.byAlias(name).filter(k -> k != into).ifPresent(k -> {
            aliases.add(k.name());
            aliases.addAll(k.aliases());
            topic.publish(entry(CatalogEntry.Kind.ENTITY, k.name(), k.type(), k.aliases(), k.countryCode(), true,
                    merge.by(), "merged into " + into.name() + ": " + merge.reason()));
        });
        aliases.remove(into.name());
        topic.publish(entry(CatalogEntry.Kind.ENTITY, into.name(), into.type(), List.copyOf(aliases), into.countryCode(),
                false, merge.by(), merge.reason()));
        return answer(Response.ok(catalog.get().byAlias(into.name()).map(CatalogEntity::of).orElseThrow()), merge.reenrich(),
                into.name(), merge.reason());
    }

    @DELETE
    @Path("entities/{name}")
    @Operation(summary = "Withdraw an entity from the catalog, by its name (an alias is removed on its own: DELETE …/aliases/{alias})")
    @APIResponse(responseCode = "204", description = "withdrawn")
    @APIResponse(responseCode = "404", description = "no such entity")
    @APIResponse(responseCode = "409", description = "the name is an alias of another entity; nothing was deleted")
    public Response delete(@PathParam("name") String name, @QueryParam("reason") String reason, @QueryParam("by") String by) {
        EntityCatalog.Known known = catalog.get().byAlias(name).orElse(null);
        if (known == null) {
            return Problem.response(404, "the catalog has no entity named " + name);
        }
        if (!Names.key(known.name()).equals(Names.key(name))) {
            return Problem.response(409, "'" + name + "' is an alias of '" + known.name() + "': remove the alias with DELETE "
                    + "/catalog/entities/" + known.name() + "/aliases/" + name + ", or delete '" + known.name() + "' by its name");
        }
        topic.publish(entry(CatalogEntry.Kind.ENTITY, known.name(), known.type(), known.aliases(), known.countryCode(),
                true, by, reason));
        return Response.noContent().build();
    }

    @DELETE
    @Path("entities/{name}/aliases/{alias}")
    @Operation(summary = "Remove one alias of an entity; the entity and its other aliases stay")
    @APIResponse(responseCode = "200", description = "the entity as it is now")
    @APIResponse(responseCode = "404", description = "no such entity, or the alias is not one of its aliases")
    public Response removeAlias(@PathParam("name") String name, @PathParam("alias") String alias,
                                @QueryParam("reason") String reason, @QueryParam("by") String by) {
        EntityCatalog.Known known = catalog.get().byAlias(name).filter(k -> Names.key(k.name()).equals(Names.key(name)))
                .orElse(null);
        if (known == null) {
            return Problem.response(404, "the catalog has no entity named " + name);
        }
        List<String> kept = known.aliases().stream().filter(a -> !Names.key(a).equals(Names.key(alias))).toList();
        if (kept.size() == known.aliases().size()) {
            return Problem.response(404, "'" + alias + "' is not an alias of '" + known.name() + "'");
        }
        topic.publish(entry(CatalogEntry.Kind.ENTITY, known.name(), known.type(), kept, known.countryCode(), false, by,
                reason == null || reason.isBlank() ? "alias " + alias + " removed" : reason));
        return Response.ok(catalog.get().byAlias(known.name()).map(CatalogEntity::of).orElseThrow()).build();
    }

    @POST
    @Path("blocklist")
    @Operation(summary = "A string that is never an entity (of one type, or of any): {text, type?, reason, by?}")
    public Response block(Block block) {
        if (block == null || block.text() == null || block.text().isBlank()) {
            throw new BadCorrectionException("'text' is the string to block");
        }
        requireName(block.text());
        topic.publish(entry(CatalogEntry.Kind.BLOCK, block.text().strip(), type(block.type(), false), List.of(), null,
                false, block.by(), block.reason()));
        return answer(Response.status(201), block.reenrich(), block.text().strip(), block.reason());
    }

    @DELETE
    @Path("blocklist/{text}")
    @Operation(summary = "Lift a block")
    @APIResponse(responseCode = "204", description = "lifted")
    @APIResponse(responseCode = "404", description = "the text is not blocked")
    public Response unblock(@PathParam("text") String text, @QueryParam("reason") String reason, @QueryParam("by") String by) {
        requireName(text);
        if (!catalog.get().isBlockedAtAll(text.strip())) {
            return Problem.response(404, "'" + text.strip() + "' is not blocked");
        }
        topic.publish(entry(CatalogEntry.Kind.BLOCK, text.strip(), null, List.of(), null, true, by, reason));
        return Response.noContent().build();
    }

    @GET
    @Path("history")
    @Operation(summary = "Every correction, newest first: what changed, who, when and why")
    public List<CatalogEntry> history(@QueryParam("limit") String limit) {
        return catalog.history().stream().limit(QueryParams.count("limit", limit, 100, 1000)).toList();
    }

    /**
     * The correction's answer; when asked, the re-enrichment of the articles naming the entity is
     * started (the correction already applies here) and linked as {@code rel="reenrichment"}.
     */
    private Response answer(Response.ResponseBuilder response, boolean reenrich, String entity, String reason) {
        if (reenrich) {
            Reenrichment job = reenrichments.start(new Reenrichment.Request(null, null, null, entity,
                    "catalog correction of " + entity + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()), false),
                    null, null);
            response.link(URI.create("/reenrichments/" + job.id()), "reenrichment");
        }
        return response.build();
    }

    @ServerExceptionMapper
    Response badCorrection(BadCorrectionException e) {
        return Problem.response(400, e.getMessage());
    }

    @ServerExceptionMapper
    Response unavailable(CatalogUnavailableException e) {
        return Problem.response(503, e.getMessage());
    }

    private static CatalogEntry entry(CatalogEntry.Kind kind, String name, Type type, List<String> aliases,
                                      String countryCode, boolean deleted, String by, String reason) {
        return new CatalogEntry(CatalogEntry.SCHEMA_VERSION, kind, name, type, aliases, countryCode, deleted,
                by == null || by.isBlank() ? "api" : by.strip(), Instant.now(), reason == null ? "" : reason.strip());
    }

    private static Type type(String type, boolean required) {
        if (type == null || type.isBlank()) {
            if (required) {
                throw new BadCorrectionException("'type' is PERSON, ORGANIZATION or LOCATION");
            }
            return null;
        }
        try {
            return Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadCorrectionException("'type' is PERSON, ORGANIZATION or LOCATION, not " + type);
        }
    }

    private static List<String> aliases(List<String> aliases) {
        if (aliases == null) {
            return List.of();
        }
        if (aliases.size() > MAX_ALIASES) {
            throw new BadCorrectionException("'aliases': at most " + MAX_ALIASES);
        }
        for (String alias : aliases) {
            try {
                requireName(alias);
            } catch (BadCorrectionException e) {
                throw new BadCorrectionException("'aliases': " + e.getMessage());
            }
        }
        return aliases.stream().map(String::strip).toList();
    }

    /** @return the code in upper case, or null when none is given */
    private static String countryCode(String code) {
        if (code == null) {
            return null;
        }
        return CountryCodes.normalize(code).orElseThrow(() ->
                new BadCorrectionException("'countryCode' is an ISO 3166-1 alpha-2 code such as GB"));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new BadCorrectionException("a name is 1 to " + MAX_NAME + " characters");
        }
        // Every reader of the topic skips what it cannot store: such a record could never be removed.
        PayloadText.problem(name).ifPresent(p -> {
            throw new BadCorrectionException("a name is storable text: this one " + p);
        });
        if (CONTROL.matcher(name).find()) {
            throw new BadCorrectionException("a name is one line of text, without tabs or other control characters");
        }
    }

    static final class BadCorrectionException extends RuntimeException {
        BadCorrectionException(String message) {
            super(message);
        }
    }
}
