package org.logonrights.app;

import java.nio.file.Path;
import java.util.Locale;
import org.logonrights.model.InputException;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.SecureXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * IIS shared configuration as {@code redirection.config} declares it (docs/input-formats.md §3.4):
 * {@code <configuration><configurationRedirection enabled="true" path="\\server\share" userName=… password=…/>}.
 * Only {@code enabled} and {@code path} are read; the credentials are never touched.
 *
 * @param enabled true when IIS reads its configuration from {@code path}
 * @param path the directory holding the shared applicationHost.config, or null
 */
record SharedConfiguration(boolean enabled, String path) {

    static final SharedConfiguration DISABLED = new SharedConfiguration(false, null);

    /** Reads a redirection.config; one without a configurationRedirection element means disabled. */
    static SharedConfiguration read(Path redirectionConfig, InputFiles files) throws InputException {
        String file = redirectionConfig.toString();
        Element root = SecureXml.parse(files.readText(redirectionConfig).text(), file).getDocumentElement();
        if (!"configuration".equals(root.getLocalName())) {
            throw new InputException(file, "line " + SecureXml.lineOf(root),
                    "not a redirection.config: root element is <" + root.getTagName() + ">, expected <configuration>");
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "configurationRedirection".equals(e.getLocalName())) {
                return of(e, file);
            }
        }
        return DISABLED;
    }

    private static SharedConfiguration of(Element redirection, String file) throws InputException {
        String enabled = SecureXml.attr(redirection, "enabled");
        String path = SecureXml.attr(redirection, "path");
        path = path == null || path.isBlank() ? null : path.strip();
        if (enabled == null) {
            return new SharedConfiguration(false, path);
        }
        return switch (enabled.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> new SharedConfiguration(true, path);
            case "false" -> new SharedConfiguration(false, path);
            default -> throw new InputException(file, "line " + SecureXml.lineOf(redirection),
                    "invalid configurationRedirection@enabled value '" + enabled + "'; expected true or false");
        };
    }
}
