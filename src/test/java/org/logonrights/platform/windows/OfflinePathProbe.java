package org.logonrights.platform.windows;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.UserRight;
import org.logonrights.model.WellKnownSids;

/**
 * Runs what the rest of the application may touch (the pure-Java API, the reader, the exceptions)
 * for {@link OfflinePathIsolationTest}, which loads it in a class loader without JNA. JDK types only
 * cross the loader boundary.
 */
public final class OfflinePathProbe implements Supplier<String> {

    @Override
    public String get() {
        StringJoiner out = new StringJoiner(";");
        for (Method m : LocalSecurityPolicy.class.getMethods()) {
            StringJoiner types = new StringJoiner(",");
            types.add(m.getGenericReturnType().getTypeName());
            for (Type t : m.getGenericParameterTypes()) {
                types.add(t.getTypeName());
            }
            for (Type t : m.getGenericExceptionTypes()) {
                types.add(t.getTypeName());
            }
            out.add(m.getName() + "(" + types + ")");
        }
        try (FakeLocalSecurityPolicy policy = new FakeLocalSecurityPolicy()
                .grant(UserRight.BATCH, WellKnownSids.IIS_IUSRS)
                .name(WellKnownSids.IIS_IUSRS, "BUILTIN", "IIS_IUSRS", SidNameUse.ALIAS)) {
            EffectiveRights rights = new LiveRightsReader(policy, null).read();
            out.add("holder=" + rights.holders(UserRight.BATCH).get(0).principal().name());
        } catch (LsaException e) {
            throw new IllegalStateException(e);
        }
        GroupPolicyResult gp = new LiveGroupPolicyReader((namespace, className, properties) -> {
            throw new WmiException("IWbemLocator::ConnectServer(" + namespace + ")", WmiException.WBEM_E_INVALID_NAMESPACE);
        }).read();
        out.add("rsop=" + gp.groupPolicy() + "/" + gp.notes().get(0).code());
        LsaException denied = new LsaAccessDeniedException("LsaOpenPolicy", 5);
        LsaException unknown = new LsaNoSuchPrivilegeException("LsaEnumerateAccountsWithUserRight", UserRight.BATCH, 1313);
        out.add("denied=" + denied.isAccessDenied() + "/" + denied.ntStatusHex() + "/" + unknown.ntStatusHex());
        return out.toString();
    }
}
