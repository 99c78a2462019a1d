package org.logonrights.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The parser of IIS {@code applicationHost.config} (docs/input-formats.md §3): it reads the application pools with their
 * effective identities, the pool of each application, and the other accounts IIS logs on with.
 * Everything is kept in document order; passwords are only classified.
 *
 * <p>Note codes: {@code iis-express}, {@code no-application-pools}, {@code shared-configuration},
 * {@code duplicate-section}, {@code apphost-section-in-location}, {@code encoding-fallback}.
 */
public final class ApplicationHostParser {

    private final AppHostContext ctx;
    private final ApplicationPoolsReader poolsReader;
    private final SitesReader sitesReader;
    private final AnonymousUsersReader anonymousReader;
    private final List<AppPool> pools = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();
    private final List<CredentialUse> credentials = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();
    /** Lines of each system.applicationHost section read at global level, to spot a section given twice. */
    private final Map<String, List<Integer>> sectionLines = new LinkedHashMap<>();

    private ApplicationHostParser(AppHostContext ctx) {
        this.ctx = ctx;
        this.poolsReader = new ApplicationPoolsReader(ctx);
        this.sitesReader = new SitesReader(ctx);
        this.anonymousReader = new AnonymousUsersReader(ctx);
    }

    /** Reads and decodes a file (encoding sniffed from the bytes) within the size limit, then parses it. */
    public static Parsed<IisConfiguration> parse(Path file, InputFiles files) throws InputException {
        DecodedText decoded = files.readText(file);
        Parsed<IisConfiguration> parsed = parse(decoded.text(), file.toString());
        if (decoded.warning() == null) {
            return parsed;
        }
        List<InputNote> notes = new ArrayList<>();
        notes.add(new InputNote(InputNote.Level.WARNING, "encoding-fallback", decoded.warning(),
                Provenance.of(SourceKind.APPLICATION_HOST, file.toString())));
        notes.addAll(parsed.notes());
        return new Parsed<>(parsed.value(), notes);
    }

    /** Parses already-decoded text; {@code fileName} names the input in provenance and errors. */
    public static Parsed<IisConfiguration> parse(String decodedText, String fileName) throws InputException {
        Element root = document(decodedText, fileName).getDocumentElement();
        if (!"configuration".equals(root.getLocalName())) {
            throw new InputException(fileName, "line " + SecureXml.lineOf(root), "not an applicationHost.config: root element is <"
                    + root.getTagName() + ">, expected <configuration>");
        }
        ApplicationHostParser parser = new ApplicationHostParser(new AppHostContext(fileName, root.getNamespaceURI()));
        return parser.read(root, decodedText);
    }

    private static Document document(String text, String fileName) throws InputException {
        try {
            return SecureXml.parse(text, fileName);
        } catch (InputException e) {
            if (looksLikeHtml(text)) {
                throw new InputException(fileName, e.position(),
                        "not an applicationHost.config: the file is an HTML page, not XML", e);
            }
            throw e;
        }
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private Parsed<IisConfiguration> read(Element root, String text) throws InputException {
        for (Element child : AppHostContext.elements(root)) {
            switch (child.getLocalName()) {
                case "system.applicationHost" -> readApplicationHost(child);
                case "system.webServer" -> readWebServer(child, "");
                case "location" -> readLocation(child);
                case "configurationRedirection" -> readRedirection(child);
                default -> { }
            }
        }
        credentials.addAll(anonymousReader.credentialUses());
        // Virtual-directory and anonymous users were collected in two passes: restore document order.
        credentials.sort(Comparator.comparingInt(c -> c.provenance().line()));
        noteDuplicateSections();
        ConfigKind kind = kind(root, text);
        return new Parsed<>(new IisConfiguration(kind, pools, applications, credentials,
                Provenance.of(SourceKind.APPLICATION_HOST, ctx.file())), notes);
    }

    private void readApplicationHost(Element applicationHost) throws InputException {
        for (Element section : AppHostContext.elements(applicationHost)) {
            String name = section.getLocalName();
            if (name.equals("applicationPools")) {
                pools.addAll(poolsReader.read(section));
            } else if (name.equals("sites")) {
                sitesReader.read(section, applications, credentials);
            }
            if (name.equals("applicationPools") || name.equals("sites")) {
                sectionLines.computeIfAbsent(name, k -> new ArrayList<>()).add(SecureXml.lineOf(section));
            }
        }
    }

    private void readWebServer(Element webServer, String locationPath) {
        Element anonymous = ctx.descendant(webServer, "security", "authentication", "anonymousAuthentication");
        if (anonymous != null) {
            anonymousReader.add(anonymous, locationPath);
        }
    }

    /** IIS accepts AppHostOnly sections such as applicationPools only in a global location. */
    private void readLocation(Element location) throws InputException {
        String path = AnonymousUsersReader.normalise(SecureXml.attr(location, "path"));
        for (Element child : AppHostContext.elements(location)) {
            String name = child.getLocalName();
            if (name.equals("system.applicationHost") && path.isEmpty()) {
                readApplicationHost(child);
            } else if (name.equals("system.applicationHost")) {
                note(InputNote.Level.WARNING, "apphost-section-in-location", "system.applicationHost inside <location path=\""
                        + path + "\"> was ignored: IIS accepts it only at global level", child);
            } else if (name.equals("system.webServer")) {
                readWebServer(child, path);
            }
        }
    }

    private void readRedirection(Element redirection) throws InputException {
        String enabled = SecureXml.attr(redirection, "enabled");
        boolean on = enabled != null && IisValues.parseBool(enabled).orElseThrow(() -> ctx.error(redirection,
                "invalid configurationRedirection@enabled value " + IisValues.quote(enabled) + "; expected true or false"));
        if (on) {
            String share = SecureXml.attr(redirection, "path");
            note(InputNote.Level.WARNING, "shared-configuration", "shared configuration is enabled: IIS reads its "
                    + "configuration from " + (share == null || share.isBlank() ? "a share" : share)
                    + ", not from this file; audit the applicationHost.config found there", redirection);
        }
    }

    private void noteDuplicateSections() {
        sectionLines.forEach((name, lines) -> {
            if (lines.size() > 1) {
                notes.add(new InputNote(InputNote.Level.WARNING, "duplicate-section", "system.applicationHost/" + name
                        + " is defined " + lines.size() + " times at global level (lines "
                        + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "); IIS may refuse to load such a file; all of them were read",
                        Provenance.at(SourceKind.APPLICATION_HOST, ctx.file(), lines.get(1))));
            }
        });
    }

    private ConfigKind kind(Element root, String text) throws InputException {
        if (!sectionLines.containsKey("applicationPools")) {
            // The one IIS case without pools is a redirection.config that enables shared configuration:
            // its note names the share that holds the real file. A web.config, a disabled redirection or a
            // fragment would otherwise report "0 application pools" and pass.
            if (notes.stream().noneMatch(n -> n.code().equals("shared-configuration"))) {
                throw new InputException(ctx.file(), null, "not an applicationHost.config (no applicationPools section)");
            }
            note(InputNote.Level.INFO, "no-application-pools", "no applicationPools section: this redirection.config "
                    + "defines no application pools, so no pool identity can be audited from it", root);
            return ConfigKind.NO_POOLS;
        }
        String evidence = iisExpressEvidence(text);
        if (evidence == null) {
            return ConfigKind.SERVER;
        }
        note(InputNote.Level.WARNING, "iis-express", "IIS Express configuration (" + evidence + "): IIS Express runs "
                + "its workers as the interactive user who started it, so pool identities and their logon rights "
                + "mean nothing here", root);
        return ConfigKind.IIS_EXPRESS;
    }

    private String iisExpressEvidence(String text) {
        for (String variable : List.of("%IIS_USER_HOME%", "%IIS_SITES_HOME%")) {
            int at = indexOfIgnoreAsciiCase(text, variable);
            if (at >= 0) {
                return variable + " on line " + (1 + text.substring(0, at).chars().filter(c -> c == '\n').count());
            }
        }
        return poolsReader.iisExpressEvidence();
    }

    /**
     * Where {@code needle} (which starts with {@code %}) occurs, ignoring the case of ASCII letters only,
     * as a CASE_INSENSITIVE regular expression does, but in one indexOf pass over a multi-megabyte file.
     */
    static int indexOfIgnoreAsciiCase(String text, String needle) {
        char first = needle.charAt(0);
        for (int at = text.indexOf(first); at >= 0 && at + needle.length() <= text.length(); at = text.indexOf(first, at + 1)) {
            int i = 1;
            while (i < needle.length() && asciiLower(text.charAt(at + i)) == asciiLower(needle.charAt(i))) {
                i++;
            }
            if (i == needle.length()) {
                return at;
            }
        }
        return -1;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private void note(InputNote.Level level, String code, String message, Element at) {
        notes.add(new InputNote(level, code, message, Provenance.at(SourceKind.APPLICATION_HOST, ctx.file(),
                SecureXml.lineOf(at))));
    }
}
