package org.logonrights.sources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.logonrights.model.AppPool;
import org.logonrights.model.IdentityType;
import org.logonrights.model.InputException;
import org.logonrights.model.LogonType;
import org.logonrights.model.PasswordState;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.ValueOrigin;
import org.w3c.dom.Element;

/**
 * The reader of {@code system.applicationHost/applicationPools} sections: pools whose settings are
 * resolved attribute by attribute: the pool, then {@code applicationPoolDefaults}, then the IIS
 * 7.5-10 schema default (docs/input-formats.md §3.2). Password values are classified, never kept.
 */
final class ApplicationPoolsReader {

    private static final String[] START_MODES = {"OnDemand", "AlwaysRunning"};
    private static final String IDENTITY_EXPECTED =
            "LocalSystem, LocalService, NetworkService, SpecificUser, ApplicationPoolIdentity or 0-4";
    /** The pools IIS Express ships; a server with the same names is told apart by their CLRConfigFile. */
    private static final Set<String> IIS_EXPRESS_POOLS = Set.of("clr4integratedapppool", "clr4classicapppool",
            "clr2integratedapppool", "clr2classicapppool", "unmanagedclassicapppool", "iisexpressapppool");

    private final AppHostContext ctx;
    /** Pool names (lower-cased, as IIS compares them) to the line that defined them, across sections. */
    private final Map<String, Integer> lineByName = new HashMap<>();
    private String iisExpressEvidence;

    ApplicationPoolsReader(AppHostContext ctx) {
        this.ctx = ctx;
    }

    /** The first IIS Express stock pool seen with an IIS Express CLRConfigFile, described, or null. */
    String iisExpressEvidence() {
        return iisExpressEvidence;
    }

    List<AppPool> read(Element applicationPools) throws InputException {
        Element defaults = ctx.child(applicationPools, "applicationPoolDefaults");
        Element defaultsModel = defaults == null ? null : ctx.child(defaults, "processModel");
        List<AppPool> pools = new ArrayList<>();
        for (Element add : ctx.children(applicationPools, "add")) {
            pools.add(readPool(add, defaults, defaultsModel));
        }
        return pools;
    }

    private AppPool readPool(Element add, Element defaults, Element defaultsModel) throws InputException {
        String name = SecureXml.attr(add, "name");
        if (name == null) {
            throw ctx.error(add, "application pool <add> without a name");
        }
        if (name.isBlank()) {
            throw ctx.error(add, "application pool <add> with an empty name");
        }
        int line = SecureXml.lineOf(add);
        Integer earlier = lineByName.putIfAbsent(name.toLowerCase(Locale.ROOT), line);
        if (earlier != null) {
            throw ctx.error(add, "duplicate application pool name '" + name + "': defined on line " + earlier
                    + " and again on line " + line + " (IIS compares pool names case-insensitively)");
        }
        noteIisExpress(name, add, defaults);

        Pool pool = new Pool(name);
        boolean autoStart = pool.typed(setting(add, defaults, "autoStart"), "@autoStart", true,
                IisValues::parseBool, "true or false");
        String startMode = pool.typed(setting(add, defaults, "startMode"), "@startMode", "OnDemand",
                v -> IisValues.parseEnum(v, START_MODES), "OnDemand, AlwaysRunning or 0-1");
        Setting runtime = setting(add, defaults, "managedRuntimeVersion");
        String managedRuntimeVersion = runtime.value() == null ? "" : runtime.value();

        ProcessModel processModel = pool.processModel(ctx.child(add, "processModel"), defaultsModel);
        return new AppPool(name, processModel, startMode, autoStart, managedRuntimeVersion,
                ctx.at(add, "applicationPools/add[@name='" + name + "']"));
    }

    private void noteIisExpress(String name, Element add, Element defaults) {
        if (iisExpressEvidence != null || !IIS_EXPRESS_POOLS.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        String clrConfig = setting(add, defaults, "CLRConfigFile").value();
        String upper = clrConfig == null ? "" : clrConfig.toUpperCase(Locale.ROOT);
        if (upper.contains("%IIS_USER_HOME%") || upper.contains("%IIS_BIN%")) {
            iisExpressEvidence = "pool '" + name + "' on line " + SecureXml.lineOf(add)
                    + " has the IIS Express CLRConfigFile " + clrConfig;
        }
    }

    /** An attribute value and the element that carried it ({@code from} null for the schema default). */
    private record Setting(String value, ValueOrigin origin, Element from) {
    }

    private static Setting setting(Element own, Element defaults, String attribute) {
        String value = own == null ? null : SecureXml.attr(own, attribute);
        if (value != null) {
            return new Setting(value, ValueOrigin.POOL, own);
        }
        value = defaults == null ? null : SecureXml.attr(defaults, attribute);
        if (value != null) {
            return new Setting(value, ValueOrigin.POOL_DEFAULTS, defaults);
        }
        return new Setting(null, ValueOrigin.SCHEMA_DEFAULT, null);
    }

    /** Resolution of one pool's values, so that errors can name the pool. */
    private final class Pool {
        private final String name;

        Pool(String name) {
            this.name = name;
        }

        ProcessModel processModel(Element own, Element defaults) throws InputException {
            Map<String, ValueOrigin> origins = new LinkedHashMap<>();
            Setting identity = track(origins, own, defaults, "identityType");
            Setting userName = track(origins, own, defaults, "userName");
            Setting logonType = track(origins, own, defaults, "logonType");
            Setting manualGroups = track(origins, own, defaults, "manualGroupMembership");
            Setting loadProfile = track(origins, own, defaults, "loadUserProfile");
            Setting profileEnv = track(origins, own, defaults, "setProfileEnvironment");
            Setting password = track(origins, own, defaults, "password");
            return new ProcessModel(
                    typed(identity, "processModel/@identityType", IdentityType.APPLICATION_POOL_IDENTITY,
                            IdentityType::parse, IDENTITY_EXPECTED),
                    userName.value(),
                    typed(logonType, "processModel/@logonType", LogonType.LOGON_BATCH,
                            LogonType::parse, "LogonBatch, LogonService or 0-1"),
                    typed(manualGroups, "processModel/@manualGroupMembership", false,
                            IisValues::parseBool, "true or false"),
                    typed(loadProfile, "processModel/@loadUserProfile", false,
                            IisValues::parseBool, "true or false"),
                    typed(profileEnv, "processModel/@setProfileEnvironment", true,
                            IisValues::parseBool, "true or false"),
                    // The schema default [enc:IISWASOnlyAesProvider::enc] has no payload: no password.
                    PasswordState.classify(password.value()),
                    origins);
        }

        private Setting track(Map<String, ValueOrigin> origins, Element own, Element defaults, String attribute) {
            Setting s = setting(own, defaults, attribute);
            origins.put(attribute, s.origin());
            return s;
        }

        <T> T typed(Setting s, String attribute, T schemaDefault, Function<String, Optional<T>> parser,
                    String expected) throws InputException {
            if (s.origin() == ValueOrigin.SCHEMA_DEFAULT) {
                return schemaDefault;
            }
            Optional<T> value = parser.apply(s.value());
            if (value.isEmpty()) {
                String inherited = s.origin() == ValueOrigin.POOL_DEFAULTS ? " inherited from applicationPoolDefaults" : "";
                throw ctx.error(s.from(), "application pool '" + name + "': invalid " + attribute + " value "
                        + IisValues.quote(s.value()) + inherited + "; expected " + expected);
            }
            return value.get();
        }
    }
}
