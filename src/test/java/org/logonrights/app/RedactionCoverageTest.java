package org.logonrights.app;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logonrights.sources.snapshot.SnapshotDocument;
import org.logonrights.sources.snapshot.SnapshotReader;
import org.logonrights.sources.snapshot.SnapshotWriter;

/**
 * Redaction covers the whole snapshot document: every string field of every record of the schema is
 * filled with a value that looks like a customer's name, path or SID, and none may survive redaction,
 * except the fields listed below as unable to identify anyone. A field added to the document later
 * gets such a value too, so it fails here until redaction decides what to do with it.
 */
class RedactionCoverageTest {

    /** Fields kept as they are, with a valid value for each: none can name a machine, person or site. */
    private static final Map<String, String> KEPT = Map.ofEntries(
            // The document's own constants.
            entry("SnapshotDocument.format", SnapshotDocument.FORMAT),
            entry("ToolDoc.name", "logonrights"),
            entry("ToolDoc.version", "1.4.2"),
            // Product and version strings: the same on every machine of that release.
            entry("MachineDoc.osVersion", "Windows Server 2022 Datacenter 10.0 (build 20348)"),
            entry("MachineDoc.iisVersion", "10.0"),
            // Enumerations and the constants of rights, as the engine needs them.
            entry("SourceDoc.kind", "SECEDIT_EXPORT"),
            entry("AssignmentDoc.right", "SeBatchLogonRight"),
            entry("SettingDoc.right", "SeDenyBatchLogonRight"),
            entry("CredentialDoc.requiredRight", "SeNetworkLogonRight"),
            entry("IisDoc.kind", "SERVER"),
            entry("PoolDoc.identityType", "SpecificUser"),
            entry("PoolDoc.logonType", "LogonBatch"),
            entry("PasswordDoc.kind", "ENCRYPTED"),
            entry("ApplicationDoc.poolSource", "EXPLICIT"),
            entry("MembershipDoc.method", "FILE"),
            entry("NoteDoc.level", "WARNING"),
            entry("NoteDoc.code", "encoding-guessed"),
            // IIS values from a fixed vocabulary.
            entry("PoolDoc.startMode", "AlwaysRunning"),
            entry("PoolDoc.managedRuntimeVersion", "v4.0"),
            // A right name as the file misspells it: the misspelling is the finding (LR017).
            entry("UnknownRightDoc.name", "SeBatchLogonRigth"),
            // A GPO's GUID is kept so the customer can find the GPO to change (docs/snapshot.md).
            entry("GpoDoc.id", "{31B2F340-016D-11D2-945F-00C04FB984F9}"),
            // Why a GPO could not be read: a fixed vocabulary (GpoGap.Reason).
            entry("GapDoc.reason", "TEMPLATE_DENIED"),
            // An event's time and what it says went wrong: codes and a fixed vocabulary (docs/event-logs.md).
            entry("EventDoc.time", "2024-03-11T08:15:02.489114200Z"),
            entry("EventDoc.failure", "BAD_PASSWORD"),
            entry("EventDoc.code", "1326"));

    /** Maps kept whole: processModel attribute names and where each value came from. */
    private static final Map<String, Map<String, String>> KEPT_MAPS = Map.of("PoolDoc.origins", Map.of("userName", "POOL"));

    /** SID fields not named {@code sid}: a route's group and the account or group that group holds. */
    private static final Set<String> SID_FIELDS = Set.of("RouteDoc.group", "RouteDoc.via");

    /** Sentences and XML paths: scrubbed of every value redaction learned elsewhere, and of paths and SIDs. */
    private static final Set<String> FREE_TEXT = Set.of("SourceDoc.element", "CredentialDoc.context", "NoteDoc.message",
            "GapDoc.detail");

    /** Builds a document with every field filled, recording what must not survive. */
    private static final class Filler {
        private final List<String> identifying = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private final Set<String> fieldsSeen = new LinkedHashSet<>();
        private final List<String> everyIdentifyingValue;
        private int n;

        Filler(List<String> everyIdentifyingValue) {
            this.everyIdentifyingValue = everyIdentifyingValue;
        }

        Object build(Class<?> type) throws ReflectiveOperationException {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(type.getSimpleName() + "." + components[i].getName(), components[i].getName(),
                        components[i].getGenericType());
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        }

        private Object value(String field, String name, Type type) throws ReflectiveOperationException {
            fieldsSeen.add(field);
            Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
            if (raw == String.class) {
                return string(field, name);
            }
            if (raw == int.class || raw == Integer.class) {
                return field.equals("EventDoc.id") ? 5021 : 1; // an event id the reader accepts
            }
            if (raw == long.class) {
                return 1L;
            }
            if (raw == boolean.class) {
                return true;
            }
            if (raw == List.class) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                return List.of(value(field, name, element));
            }
            if (raw == Map.class && KEPT_MAPS.containsKey(field)) {
                return KEPT_MAPS.get(field);
            }
            if (raw.isRecord()) {
                return build(raw);
            }
            return fail(field + " is a " + type + ", which this test cannot fill yet: teach it, and decide how "
                    + "redaction treats it");
        }

        private String string(String field, String name) {
            if (KEPT.containsKey(field)) {
                return KEPT.get(field);
            }
            int i = ++n;
            if (FREE_TEXT.contains(field)) {
                // Values only this sentence holds, in the forms parsers quote them, then everything held elsewhere.
                String host = "Wingtip" + i + "Fs";
                String folder = "Wingtip" + i + "Share";
                String pool = "Wingtip" + i + "Pool";
                String segment = "wingtip" + i + "dir";
                secrets.addAll(List.of(host, folder, pool, segment));
                return "add[@name='" + pool + "']/application[@path='/" + segment + "'] read from \\\\" + host + "\\"
                        + folder + "\\applicationHost.config, C:\\" + folder + "\\web.config; "
                        + String.join(", ", everyIdentifyingValue) + ".";
            }
            String value;
            if (name.equals("sid") || name.endsWith("Sid") || SID_FIELDS.contains(field)) {
                String domain = "S-1-5-21-" + (4100000000L + i) + "-" + (4200000000L + i) + "-" + (4000000000L + i);
                secrets.add(domain);
                value = domain + "-" + (1100 + i);
            } else if (name.equals("path")) {
                value = "/Contoso" + i + "Api/Contoso" + i + "Orders";
                secrets.addAll(List.of("Contoso" + i + "Api", "Contoso" + i + "Orders"));
            } else if (name.equals("file")) {
                value = "C:\\Users\\contoso" + i + "admin\\case\\Contoso" + i + "Export.inf";
                secrets.addAll(List.of("contoso" + i + "admin", "Contoso" + i + "Export"));
            } else {
                value = "Contoso" + i + "Name";
                secrets.add(value);
            }
            identifying.add(value);
            return value;
        }
    }

    /** A document with every field filled, and what was put in it. */
    private record Filled(SnapshotDocument document, Filler filler) {
    }

    /** Twice: the free-text fields of the second document quote every identifying value of the first, the same. */
    private static Filled fill() throws ReflectiveOperationException {
        Filler first = new Filler(List.of());
        first.build(SnapshotDocument.class);
        Filler second = new Filler(first.identifying);
        return new Filled((SnapshotDocument) second.build(SnapshotDocument.class), second);
    }

    @Test
    void noIdentifyingValueOfAnyFieldSurvivesRedaction() throws Exception {
        Filled filled = fill();
        Filler filler = filled.filler();
        SnapshotDocument original = filled.document();
        StringWriter before = new StringWriter();
        SnapshotWriter.write(original, before);
        SnapshotDocument redacted = SnapshotRedactor.redact(original);
        StringWriter out = new StringWriter();
        SnapshotWriter.write(redacted, out);
        String json = out.toString().toLowerCase(Locale.ROOT);

        for (String secret : filler.secrets) {
            assertTrue(before.toString().contains(secret), "the test put " + secret + " in the document");
            assertFalse(json.contains(secret.toLowerCase(Locale.ROOT)), secret + " survived redaction:\n" + out);
        }
        for (String kept : KEPT.values()) {
            assertTrue(out.toString().contains(kept), kept + " is kept");
        }
        // What redaction writes is still a snapshot this tool reads.
        assertEquals(1, SnapshotReader.toSnapshot(redacted, "redacted.json").iis().pools().size());
    }

    @Test
    void everyListedFieldExists() throws Exception {
        Set<String> seen = fill().filler().fieldsSeen;
        for (String field : List.copyOf(new LinkedHashSet<>(concat(KEPT.keySet(), KEPT_MAPS.keySet(), FREE_TEXT, SID_FIELDS)))) {
            assertTrue(seen.contains(field), field + " is listed here but the document has no such field");
        }
    }

    @SafeVarargs
    private static List<String> concat(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
