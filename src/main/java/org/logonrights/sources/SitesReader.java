package org.logonrights.sources;

import java.util.List;
import org.logonrights.model.Application;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.InputException;
import org.logonrights.model.PasswordState;
import org.logonrights.model.PoolSource;
import org.w3c.dom.Element;

/**
 * The reader of {@code system.applicationHost/sites}: the pool of each application (its own, then the
 * site's {@code applicationDefaults}, then the server-wide one) and the UNC accounts of virtual
 * directories, which inherit from {@code virtualDirectoryDefaults} of the application, the site and
 * the server, in that order (docs/input-formats.md §3.3).
 */
final class SitesReader {

    private final AppHostContext ctx;

    SitesReader(AppHostContext ctx) {
        this.ctx = ctx;
    }

    void read(Element sites, List<Application> applications, List<CredentialUse> credentials)
            throws InputException {
        String serverPool = attrOf(ctx.child(sites, "applicationDefaults"), "applicationPool");
        Element serverVdirDefaults = ctx.child(sites, "virtualDirectoryDefaults");
        for (Element site : ctx.children(sites, "site")) {
            String siteName = SecureXml.attr(site, "name");
            if (siteName == null || siteName.isBlank()) {
                throw ctx.error(site, "<site> without a name");
            }
            String sitePool = attrOf(ctx.child(site, "applicationDefaults"), "applicationPool");
            Element siteVdirDefaults = ctx.child(site, "virtualDirectoryDefaults");
            for (Element app : ctx.children(site, "application")) {
                String path = SecureXml.attr(app, "path");
                if (path == null || path.isBlank()) {
                    throw ctx.error(app, "<application> without a path in site '" + siteName + "'");
                }
                String element = "sites/site[@name='" + siteName + "']/application[@path='" + path + "']";
                applications.add(application(app, siteName, path, sitePool, serverPool, element));
                Element appVdirDefaults = ctx.child(app, "virtualDirectoryDefaults");
                for (Element vdir : ctx.children(app, "virtualDirectory")) {
                    Element[] chain = {vdir, appVdirDefaults, siteVdirDefaults, serverVdirDefaults};
                    CredentialUse use = virtualDirectoryUser(chain, siteName, path, element);
                    if (use != null) {
                        credentials.add(use);
                    }
                }
            }
        }
    }

    private Application application(Element app, String siteName, String path, String sitePool,
                                    String serverPool, String element) {
        String own = SecureXml.attr(app, "applicationPool");
        PoolSource source;
        String pool;
        if (own != null) {
            source = PoolSource.EXPLICIT;
            pool = own;
        } else if (sitePool != null) {
            source = PoolSource.SITE_DEFAULT;
            pool = sitePool;
        } else if (serverPool != null) {
            source = PoolSource.SERVER_DEFAULT;
            pool = serverPool;
        } else {
            source = PoolSource.NONE;
            pool = null;
        }
        if (pool != null && pool.isBlank()) {
            // applicationPool="" is written, so it wins over the defaults, and names no pool.
            source = PoolSource.NONE;
            pool = null;
        }
        return new Application(siteName, path, pool, source, ctx.at(app, element));
    }

    /** The credential use of a virtual directory whose effective userName is set, or null. */
    private CredentialUse virtualDirectoryUser(Element[] chain, String siteName, String appPath, String appElement)
            throws InputException {
        Element vdir = chain[0];
        Element userFrom = first(chain, "userName");
        String userName = userFrom == null ? null : userFrom.getAttribute("userName");
        if (userName == null || userName.isBlank()) {
            return null;
        }
        String vdirPath = SecureXml.attr(vdir, "path") == null ? "/" : vdir.getAttribute("path");
        String context = "virtual directory " + displayPath(siteName, appPath, vdirPath);
        Element methodFrom = first(chain, "logonMethod");
        LogonMethod method = LogonMethod.SCHEMA_DEFAULT;
        if (methodFrom != null) {
            String raw = methodFrom.getAttribute("logonMethod");
            method = LogonMethod.parse(raw).orElseThrow(() -> ctx.error(methodFrom, context
                    + ": invalid logonMethod value " + IisValues.quote(raw) + "; expected " + LogonMethod.EXPECTED));
        }
        Element passwordFrom = first(chain, "password");
        PasswordState password = PasswordState.classify(passwordFrom == null ? null : passwordFrom.getAttribute("password"));
        String element = appElement + "/virtualDirectory[@path='" + vdirPath + "']";
        return new CredentialUse(userName, context, method.requiredRight(), password, ctx.at(vdir, element));
    }

    /** "Reports/archive" for virtual directory /archive of application / in site Reports. */
    static String displayPath(String siteName, String appPath, String vdirPath) {
        String app = appPath.endsWith("/") ? appPath.substring(0, appPath.length() - 1) : appPath;
        String joined = app + ("/".equals(vdirPath) ? "" : vdirPath);
        return siteName + (joined.isEmpty() ? "/" : joined);
    }

    private static Element first(Element[] chain, String attribute) {
        for (Element e : chain) {
            if (e != null && e.hasAttribute(attribute)) {
                return e;
            }
        }
        return null;
    }

    private static String attrOf(Element e, String attribute) {
        return e == null ? null : SecureXml.attr(e, attribute);
    }
}
