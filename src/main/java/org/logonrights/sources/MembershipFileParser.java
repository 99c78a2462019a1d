package org.logonrights.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Memberships;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;

/**
 * Reads a {@code --memberships} JSON file: for each pool account, its complete transitive group
 * membership. Unknown fields are skipped so that newer collectors can add data; anything that
 * contradicts the shape fails with the JSON path and line of the offending value.
 *
 * <pre>{"accounts": [{"account": "CONTOSO\\svc-reports", "sid": "S-1-5-21-…-1127",
 *   "groups": [{"sid": "S-1-5-32-545", "name": "BUILTIN\\Users"}]}]}</pre>
 */
public final class MembershipFileParser {

    /** The shape is four levels deep; the margin is for unknown fields of future collectors. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** No SID or account name comes near this; it bounds memory for a hostile file. */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final String file;
    private final JsonParser json;
    private final List<InputNote> notes = new ArrayList<>();
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Map<Sid, Integer> indexBySid = new HashMap<>();
    /** One Sid per distinct SID text: 10,000 accounts in 20 groups name the same few hundred groups 200,000 times. */
    private final Map<String, Sid> sids = new HashMap<>();
    /**
     * One Principal per distinct group, for the same reason: they stay alive for the whole audit.
     * Keyed by the Sid instance, which {@link #sids} makes one per SID text.
     */
    private final Map<Sid, Principal> groupsBySid = new IdentityHashMap<>();

    private MembershipFileParser(String file, JsonParser json) {
        this.file = file;
        this.json = json;
    }

    /** Reads (within the size limit) and parses a membership file, whatever its encoding (PowerShell 5.1 writes UTF-16LE). */
    public static Parsed<Memberships> parse(Path file, InputFiles files) throws InputException {
        DecodedText decoded = files.readText(file);
        String name = file.toString();
        Parsed<Memberships> parsed = parse(decoded.text(), name);
        if (decoded.warning() == null) {
            return parsed;
        }
        List<InputNote> notes = new ArrayList<>();
        notes.add(new InputNote(InputNote.Level.WARNING, "encoding-guessed", decoded.warning(),
                Provenance.of(SourceKind.MEMBERSHIPS, name)));
        notes.addAll(parsed.notes());
        return new Parsed<>(parsed.value(), notes);
    }

    /** Parses already-decoded JSON text; {@code fileName} names the input in provenance and errors. */
    public static Parsed<Memberships> parse(String text, String fileName) throws InputException {
        Objects.requireNonNull(text, "text");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new InputException(fileName, null, "empty file");
        }
        JsonParser json = null;
        try {
            json = JSON.createParser(body);
            return new MembershipFileParser(fileName, json).document();
        } catch (JsonProcessingException e) {
            // Constraint violations carry neither the parser nor a location: take both from the parser.
            JsonLocation where = e.getLocation() != null ? e.getLocation() : json == null ? null : json.currentLocation();
            String path = json == null ? "" : pathOf(json.getParsingContext());
            throw new InputException(fileName, position(path, where), "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(fileName, null, "cannot read JSON: " + e.getMessage(), e);
        } finally {
            closeQuietly(json);
        }
    }

    private static void closeQuietly(JsonParser json) {
        if (json != null) {
            try {
                json.close();
            } catch (IOException e) {
                // A parser over a String holds no resource that can fail to close.
            }
        }
    }

    private Parsed<Memberships> document() throws IOException, InputException {
        JsonToken t = json.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw fail("expected a JSON object with an \"accounts\" array, found " + describe(t));
        }
        List<AccountMembership> accounts = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if ("accounts".equals(field)) {
                accounts = accounts();
            } else {
                json.skipChildren();
            }
        }
        if (json.nextToken() != null) {
            throw fail("unexpected content after the top-level object");
        }
        if (accounts == null) {
            throw new InputException(file, "top level", "missing \"accounts\" array");
        }
        if (accounts.isEmpty()) {
            notes.add(new InputNote(InputNote.Level.INFO, "no-accounts", "the file lists no accounts",
                    Provenance.of(SourceKind.MEMBERSHIPS, file)));
        }
        return new Parsed<>(new Memberships(accounts), notes);
    }

    private List<AccountMembership> accounts() throws IOException, InputException {
        expect(JsonToken.START_ARRAY, "an array");
        List<AccountMembership> out = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            out.add(account(out.size()));
        }
        return out;
    }

    private AccountMembership account(int index) throws IOException, InputException {
        expect(JsonToken.START_OBJECT, "an object");
        String path = pathOf(json.getParsingContext());
        JsonLocation start = json.currentTokenLocation();
        String account = null;
        Sid sid = null;
        List<Principal> groups = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "account" -> account = text();
                case "sid" -> sid = sid();
                case "groups" -> groups = groups();
                default -> json.skipChildren();
            }
        }
        if (account == null && sid == null) {
            throw new InputException(file, position(path, start), "an account needs \"account\" or \"sid\"");
        }
        if (groups == null) {
            throw new InputException(file, position(path, start),
                    "missing \"groups\" array (write [] for an account that is in no group)");
        }
        checkDuplicate(index, account, sid, path, start);
        return new AccountMembership(account, sid, groups, MembershipSource.FILE, true,
                Provenance.at(SourceKind.MEMBERSHIPS, file, start.getLineNr()));
    }

    private List<Principal> groups() throws IOException, InputException {
        expect(JsonToken.START_ARRAY, "an array");
        List<Principal> out = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT, "an object");
            JsonLocation start = json.currentTokenLocation();
            Sid sid = null;
            String name = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "sid" -> sid = sid();
                    case "name" -> name = text();
                    default -> json.skipChildren();
                }
            }
            if (sid == null && name == null) {
                // At the group's END_OBJECT the context is the groups array at this group's index, the
                // path the group's START_OBJECT had: computed only for the error, not for every group.
                throw new InputException(file, position(pathOf(json.getParsingContext()), start),
                        "a group needs \"sid\" or \"name\"");
            }
            out.add(group(sid, name));
        }
        return out;
    }

    /** The group's shared Principal when the same SID came with the same name before. */
    private Principal group(Sid sid, String name) {
        if (sid == null) {
            return new Principal(null, name);
        }
        Principal known = groupsBySid.get(sid);
        if (known != null && Objects.equals(known.name(), name)) {
            return known;
        }
        Principal group = new Principal(sid, name);
        if (known == null) {
            groupsBySid.put(sid, group);
        }
        return group;
    }

    private void checkDuplicate(int index, String account, Sid sid, String path, JsonLocation start)
            throws InputException {
        Integer earlier = sid == null ? null : indexBySid.putIfAbsent(sid, index);
        String key = account == null ? null : account.strip().toLowerCase(Locale.ROOT);
        Integer sameName = key == null ? null : indexByName.putIfAbsent(key, index);
        if (earlier == null) {
            earlier = sameName;
        }
        if (earlier != null) {
            throw new InputException(file, position(path, start), "duplicate account '"
                    + (account != null ? account : sid) + "' (already listed as accounts[" + earlier + "])");
        }
    }

    /** A string value, or null for JSON null or a blank string. */
    private String text() throws IOException, InputException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(JsonToken.VALUE_STRING, "a string");
        String s = json.getText().strip();
        return s.isEmpty() ? null : s;
    }

    private Sid sid() throws IOException, InputException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(JsonToken.VALUE_STRING, "a SID string");
        String s = json.getText();
        Sid known = sids.get(s);
        if (known != null) {
            return known;
        }
        Optional<Sid> sid = SidScanner.scan(s);
        if (sid.isEmpty()) {
            throw fail("malformed SID '" + PrivilegeRightsValue.abbreviate(s) + "'");
        }
        sids.put(s, sid.get());
        return sid.get();
    }

    private void expect(JsonToken token, String what) throws InputException {
        if (json.currentToken() != token) {
            throw fail("expected " + what + ", found " + describe(json.currentToken()));
        }
    }

    /** An error at the current token, located by JSON path and by line and column. */
    private InputException fail(String message) {
        return new InputException(file, position(pathOf(json.getParsingContext()), json.currentTokenLocation()), message);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** {@code accounts[2].groups[0].sid} for the value the context is at. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.getEntryCount() > 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String position(String path, JsonLocation location) {
        String where = path == null || path.isEmpty() ? "top level" : path;
        if (location == null || location.getLineNr() <= 0) {
            return where;
        }
        return where + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
