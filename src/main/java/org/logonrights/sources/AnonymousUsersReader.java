package org.logonrights.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.InputException;
import org.logonrights.model.PasswordState;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Collects {@code anonymousAuthentication} elements, global and per {@code <location path>}, and
 * turns the named anonymous users into credential uses. Attributes merge down the location path as
 * IIS merges them: {@code Site/app} inherits from {@code Site}, which inherits from the global level.
 * The built-in {@code IUSR} (the default) and {@code userName=""} (the pool identity) need no logon
 * of an account, so they are not credential uses.
 */
final class AnonymousUsersReader {

    static final String SECTION = "system.webServer/security/authentication/anonymousAuthentication";

    private final AppHostContext ctx;
    private final List<Entry> entries = new ArrayList<>();
    /** The first element of each location path, lower-cased ("" = global), for inheritance. */
    private final Map<String, Element> byPath = new LinkedHashMap<>();

    private record Entry(Element element, String path) {
    }

    AnonymousUsersReader(AppHostContext ctx) {
        this.ctx = ctx;
    }

    /** Records one element; {@code locationPath} is "" for the global level. */
    void add(Element anonymousAuthentication, String locationPath) {
        String path = normalise(locationPath);
        entries.add(new Entry(anonymousAuthentication, path));
        byPath.putIfAbsent(path.toLowerCase(Locale.ROOT), anonymousAuthentication);
    }

    /**
     * One credential use per element that sets the user or the logon method of a named account, in
     * document order, with the other attributes inherited.
     */
    List<CredentialUse> credentialUses() throws InputException {
        List<CredentialUse> uses = new ArrayList<>();
        for (Entry entry : entries) {
            Element e = entry.element();
            if (!e.hasAttribute("userName") && !e.hasAttribute("logonMethod")) {
                continue;
            }
            List<Element> chain = chain(e, entry.path());
            Element userFrom = first(chain, "userName");
            String userName = userFrom == null ? null : userFrom.getAttribute("userName").strip();
            if (userName == null || userName.isEmpty() || isBuiltInIusr(userName)) {
                continue;
            }
            String context = entry.path().isEmpty() ? "anonymous user (server-wide)" : "anonymous user of " + entry.path();
            Element enabledFrom = first(chain, "enabled");
            if (enabledFrom != null && Boolean.FALSE.equals(IisValues.parseBool(enabledFrom.getAttribute("enabled")).orElse(null))) {
                context += " (anonymous authentication disabled)";
            }
            LogonMethod method = logonMethod(first(chain, "logonMethod"), context);
            Element passwordFrom = first(chain, "password");
            PasswordState password = PasswordState.classify(passwordFrom == null ? null : passwordFrom.getAttribute("password"));
            String element = entry.path().isEmpty() && isTopLevel(e)
                    ? SECTION : "location[@path='" + entry.path() + "']/" + SECTION;
            uses.add(new CredentialUse(userName, context, method.requiredRight(), password, ctx.at(e, element)));
        }
        return uses;
    }

    private LogonMethod logonMethod(Element from, String context) throws InputException {
        if (from == null) {
            return LogonMethod.SCHEMA_DEFAULT;
        }
        String raw = from.getAttribute("logonMethod");
        return LogonMethod.parse(raw).orElseThrow(() -> ctx.error(from, context + ": invalid logonMethod value "
                + IisValues.quote(raw) + "; expected " + LogonMethod.EXPECTED));
    }

    /** The element itself, then the first element of each parent path up to the global level. */
    private List<Element> chain(Element e, String path) {
        List<Element> chain = new ArrayList<>();
        chain.add(e);
        String p = path;
        while (!p.isEmpty()) {
            int slash = p.lastIndexOf('/');
            p = slash < 0 ? "" : p.substring(0, slash);
            Element parent = byPath.get(p.toLowerCase(Locale.ROOT));
            if (parent != null && parent != e) {
                chain.add(parent);
            }
        }
        return chain;
    }

    private static Element first(List<Element> chain, String attribute) {
        return chain.stream().filter(x -> x.hasAttribute(attribute)).findFirst().orElse(null);
    }

    /** IUSR (S-1-5-17) is a built-in identity IIS uses without a password logon. */
    private static boolean isBuiltInIusr(String userName) {
        return userName.equalsIgnoreCase("IUSR") || userName.equalsIgnoreCase("NT AUTHORITY\\IUSR");
    }

    private static boolean isTopLevel(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if ("location".equals(p.getLocalName())) {
                return false;
            }
        }
        return true;
    }

    /** "" and "." mean the global level; leading and trailing slashes carry no meaning. */
    static String normalise(String locationPath) {
        String p = locationPath == null ? "" : locationPath.strip();
        if (p.equals(".")) {
            return "";
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
