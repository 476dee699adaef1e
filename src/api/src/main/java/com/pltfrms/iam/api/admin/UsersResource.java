package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.identity.Address;
import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserQuery;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserService.NewPassword;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.identity.Usernames;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's users: create (optionally with a first password), list and search, get, change (PATCH
 * partially: a field sent as null is cleared, attributes merge per name as in RFC 7396; PUT
 * wholly), delete, and set a password. Each user carries an {@code ETag} (its version); writes with
 * a stale {@code If-Match} answer 412. No response ever holds a password or hash.
 */
@Path("admin/realms/{realm}/users")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  private static final String IF_MATCH = "If-Match";

  /** The fields an admin writes; PATCH takes any of them. */
  static final Set<String> WRITABLE =
      Set.of(
          "username",
          "email",
          "emailVerified",
          "firstName",
          "lastName",
          "middleName",
          "nickname",
          "locale",
          "zoneinfo",
          "phoneNumber",
          "phoneNumberVerified",
          "address",
          "picture",
          "website",
          "birthdate",
          "enabled",
          "externalId",
          "attributes");

  private static final Set<String> STRINGS =
      Set.of(
          "username",
          "email",
          "firstName",
          "lastName",
          "middleName",
          "nickname",
          "locale",
          "zoneinfo",
          "phoneNumber",
          "picture",
          "website",
          "birthdate",
          "externalId");

  private static final Set<String> CREATE_FIELDS = with(WRITABLE, "password", "passwordTemporary");

  /** What a PUT may carry: the writable fields and, unchanged, those the server sets. */
  private static final Set<String> REPLACE_FIELDS = with(WRITABLE, "id", "createdAt", "updatedAt");

  private static final Set<String> ADDRESS_FIELDS =
      Set.of("formatted", "streetAddress", "locality", "region", "postalCode", "country");

  private static final Set<String> PASSWORD_FIELDS = Set.of("password", "temporary");

  private static final int MAX_QUERY = 255;

  @Inject RealmService realms;
  @Inject UserService users;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user, optionally with a first password")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.User.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = IdentitySchemas.NewUser.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    UserFields fields = replacement(json, json.requiredString("username"));
    boolean temporary = json.bool("passwordTemporary").orElse(false);
    Optional<NewPassword> password =
        json.string("password").map(p -> new NewPassword(p, temporary));
    UserSnapshot user = users.create(realm, fields, password, caller.actor());
    return tagged(Response.created(uri.getAbsolutePathBuilder().path(user.id()).build()), user);
  }

  /**
   * Users in username order (code points), a page at a time: by {@code offset}, or at any depth for
   * the same cost by the cursor {@code after} (a username; the page's {@code next} is the one to
   * pass on). {@code total} counts up to {@link UserService#COUNT_CAP}; past it the page says
   * {@code totalCapped}.
   */
  @GET
  @Operation(summary = "List and search a realm's users, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of users",
      content = @Content(schema = @Schema(implementation = IdentitySchemas.UserPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @Parameter(
              description =
                  "Case-insensitive prefix of the username, e-mail, first or last name (LIKE"
                      + " wildcards match themselves)")
          @QueryParam("q")
          String q,
      @Parameter(description = "Exact username (as normalised)") @QueryParam("username")
          String username,
      @Parameter(description = "Exact e-mail, case-insensitively") @QueryParam("email")
          String email,
      @Parameter(description = "true or false") @QueryParam("enabled") String enabled,
      @Parameter(description = "name:value, one value of a custom attribute")
          @QueryParam("attribute")
          String attribute,
      @Parameter(description = "Exact external id") @QueryParam("externalId") String externalId,
      @Parameter(description = "Users to skip (not with after)", example = "0")
          @QueryParam("offset")
          String offset,
      @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("limit")
          String limit,
      @Parameter(description = "Cursor: the users whose username sorts after this one")
          @QueryParam("after")
          String after) {
    RealmSnapshot realm = realms.get(realmName);
    PageRequest page = PageRequest.parse(offset, limit);
    if (after != null && offset != null) {
      throw ApplicationProblem.invalid("use either offset or after, not both");
    }
    if (q != null && q.indexOf('\0') >= 0) {
      throw ApplicationProblem.invalid("q must not contain NUL");
    }
    String attributeName = null;
    String attributeValue = null;
    if (attribute != null) {
      int colon = attribute.indexOf(':');
      if (colon < 1) {
        throw ApplicationProblem.invalid("attribute must be name:value");
      }
      attributeName = attribute.substring(0, colon);
      attributeValue = attribute.substring(colon + 1);
    }
    UserQuery query =
        new UserQuery(
            bounded("q", q),
            bounded("username", username) == null
                ? null
                : Usernames.isValid(username) ? Usernames.normalise(username) : username,
            bounded("email", email),
            parseEnabled(enabled),
            bounded("attribute", attributeName),
            attributeValue,
            bounded("externalId", externalId));
    return Response.ok(
            Views.page(
                users.list(realm, query, bounded("after", after), page),
                u -> Views.user(u).build()))
        .build();
  }

  @GET
  @Path("{userId}")
  @Operation(summary = "Get a user")
  @APIResponse(
      responseCode = "200",
      description = "The user; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.User.class)))
  public Response get(@PathParam("realm") String realmName, @PathParam("userId") String id) {
    return tagged(Response.ok(), users.get(realms.get(realmName), id));
  }

  /** Partial update: absent fields stay, null clears, attributes merge per name (RFC 7396). */
  @PATCH
  @Path("{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a user partially (absent stays, null clears, attributes merge per name)")
  @APIResponse(
      responseCode = "200",
      description = "The changed user",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.User.class)))
  public Response update(
      @PathParam("realm") String realmName,
      @PathParam("userId") String id,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = IdentitySchemas.UserChanges.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, WRITABLE);
    typeCheck(json);
    IfMatch precondition = IfMatch.parse(ifMatch);
    return tagged(
        Response.ok(),
        users.update(realm, id, current -> patched(json, current), precondition, caller.actor()));
  }

  /**
   * Replaces the user with the representation sent (RFC 9110 §9.3.4): a field left out takes its
   * default (absent, false; enabled true; no attributes). {@code id}, {@code createdAt} and {@code
   * updatedAt} may be sent back; the id cannot change.
   */
  @PUT
  @Path("{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a user with the representation sent")
  @APIResponse(
      responseCode = "200",
      description = "The replaced user",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.User.class)))
  public Response replace(
      @PathParam("realm") String realmName,
      @PathParam("userId") String id,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = IdentitySchemas.UserReplacement.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, REPLACE_FIELDS);
    json.requireUnchanged("id", id);
    json.string("createdAt");
    json.string("updatedAt");
    UserFields fields = replacement(json, json.requiredString("username"));
    IfMatch precondition = IfMatch.parse(ifMatch);
    return tagged(
        Response.ok(), users.update(realm, id, current -> fields, precondition, caller.actor()));
  }

  /** Deletes the user and its credentials. */
  @DELETE
  @Path("{userId}")
  @Operation(summary = "Delete a user and its credentials")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("realm") String realmName,
      @PathParam("userId") String id,
      @HeaderParam(IF_MATCH) String ifMatch) {
    users.delete(realms.get(realmName), id, IfMatch.parse(ifMatch), caller.actor());
    return Response.noContent().build();
  }

  /**
   * Sets the user's password, checked against the realm's password policy (400 naming every rule it
   * breaks); {@code temporary} makes the user replace it at the next sign-in.
   */
  @POST
  @Path("{userId}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a user's password, checked against the realm's password policy")
  @APIResponse(responseCode = "204", description = "Set")
  public Response setPassword(
      @PathParam("realm") String realmName,
      @PathParam("userId") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = IdentitySchemas.NewPassword.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, PASSWORD_FIELDS);
    NewPassword password =
        new NewPassword(json.requiredString("password"), json.bool("temporary").orElse(false));
    users.setPassword(realm, id, password, caller.actor());
    return Response.noContent().build();
  }

  // ---- reading the body -----------------------------------------------------------------------

  /** Every field of a whole representation; absent ones take their defaults. */
  static UserFields replacement(JsonInput json, String username) {
    typeCheck(json);
    return new UserFields(
        username,
        json.string("email").orElse(null),
        json.bool("emailVerified").orElse(false),
        json.string("firstName").orElse(null),
        json.string("lastName").orElse(null),
        json.string("middleName").orElse(null),
        json.string("nickname").orElse(null),
        json.string("locale").orElse(null),
        json.string("zoneinfo").orElse(null),
        json.string("phoneNumber").orElse(null),
        json.bool("phoneNumberVerified").orElse(false),
        json.object("address").map(UsersResource::address).orElse(Address.NONE),
        json.string("picture").orElse(null),
        json.string("website").orElse(null),
        json.string("birthdate").orElse(null),
        json.bool("enabled").orElse(true),
        json.string("externalId").orElse(null),
        json.object("attributes").map(a -> attributes(a, false)).orElse(Map.of()));
  }

  /** The current fields with those the PATCH sends laid over them. */
  private static UserFields patched(JsonInput json, UserFields c) {
    Map<String, List<String>> attributes = new LinkedHashMap<>(c.attributes());
    json.object("attributes")
        .map(a -> attributes(a, true))
        .ifPresent(
            changes ->
                changes.forEach(
                    (name, values) -> {
                      if (values == null) {
                        attributes.remove(name);
                      } else {
                        attributes.put(name, values);
                      }
                    }));
    if (json.has("username") && json.string("username").isEmpty()) {
      throw ApplicationProblem.invalid("username cannot be cleared");
    }
    return new UserFields(
        json.patchString("username", c.username()),
        json.patchString("email", c.email()),
        json.bool("emailVerified").orElse(c.emailVerified()),
        json.patchString("firstName", c.firstName()),
        json.patchString("lastName", c.lastName()),
        json.patchString("middleName", c.middleName()),
        json.patchString("nickname", c.nickname()),
        json.patchString("locale", c.locale()),
        json.patchString("zoneinfo", c.zoneinfo()),
        json.patchString("phoneNumber", c.phoneNumber()),
        json.bool("phoneNumberVerified").orElse(c.phoneNumberVerified()),
        json.has("address")
            ? json.object("address").map(UsersResource::address).orElse(Address.NONE)
            : c.address(),
        json.patchString("picture", c.picture()),
        json.patchString("website", c.website()),
        json.patchString("birthdate", c.birthdate()),
        json.bool("enabled").orElse(c.enabled()),
        json.patchString("externalId", c.externalId()),
        attributes);
  }

  /** Every field of its JSON type, before anything is written. */
  private static void typeCheck(JsonInput json) {
    STRINGS.forEach(json::string);
    json.bool("emailVerified");
    json.bool("phoneNumberVerified");
    json.bool("enabled");
    json.object("address").ifPresent(UsersResource::address);
    json.object("attributes").ifPresent(a -> attributes(a, true));
  }

  private static Address address(JsonObject json) {
    List<ApplicationProblem.Error> problems = new ArrayList<>();
    Map<String, String> parts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> part : json.entrySet()) {
      if (!ADDRESS_FIELDS.contains(part.getKey())) {
        throw ApplicationProblem.invalid("address has no field '" + printable(part.getKey()) + "'");
      }
      if (part.getValue() instanceof JsonString s) {
        parts.put(part.getKey(), s.getString());
      } else if (part.getValue() != JsonValue.NULL) {
        problems.add(
            new ApplicationProblem.Error(
                "#/address/" + part.getKey(),
                null,
                "address." + part.getKey() + " must be a string"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApplicationProblem.invalid(problems.get(0).detail(), problems);
    }
    return new Address(
        parts.get("formatted"),
        parts.get("streetAddress"),
        parts.get("locality"),
        parts.get("region"),
        parts.get("postalCode"),
        parts.get("country"));
  }

  /** Attributes: an object of string arrays (null values only in a PATCH, to remove one). */
  private static Map<String, List<String>> attributes(JsonObject json, boolean patch) {
    if (json.size() > 200) {
      throw ApplicationProblem.invalid("at most 200 attributes");
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
      JsonValue value = entry.getValue();
      if (value == JsonValue.NULL && patch) {
        attributes.put(entry.getKey(), null);
        continue;
      }
      if (value.getValueType() != JsonValue.ValueType.ARRAY
          || value.asJsonArray().stream().anyMatch(v -> !(v instanceof JsonString))) {
        throw ApplicationProblem.invalid(
            "attributes must map each name to an array of strings",
            List.of(
                new ApplicationProblem.Error(
                    "#/attributes/" + printable(entry.getKey()),
                    null,
                    "must be an array of strings")));
      }
      attributes.put(
          entry.getKey(),
          value.asJsonArray().stream().map(v -> ((JsonString) v).getString()).toList());
    }
    return attributes;
  }

  private static String bounded(String name, String value) {
    if (value != null && value.length() > MAX_QUERY) {
      throw ApplicationProblem.invalid(name + " must be at most " + MAX_QUERY + " characters");
    }
    return value == null || value.isEmpty() ? null : value;
  }

  private static Boolean parseEnabled(String enabled) {
    if (enabled == null || enabled.isEmpty()) {
      return null;
    }
    return switch (enabled) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ApplicationProblem.invalid("enabled must be true or false");
    };
  }

  private static Response tagged(Response.ResponseBuilder response, UserSnapshot user) {
    return response
        .entity(Views.user(user).build())
        .header(HttpHeaders.ETAG, IfMatch.tag(user.version()))
        .build();
  }

  private static Set<String> with(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  private static String printable(String key) {
    String cut = key.length() > 40 ? key.substring(0, 40) : key;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
