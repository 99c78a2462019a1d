package org.logonrights.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ten Windows logon rights (MS-LSAD 3.1.1.2.2): five allow rights and their deny twins, with
 * the exact constant names LSA uses and the names secpol.msc shows.
 */
public enum UserRight {
    INTERACTIVE("SeInteractiveLogonRight", "Allow log on locally", false),
    DENY_INTERACTIVE("SeDenyInteractiveLogonRight", "Deny log on locally", true),
    NETWORK("SeNetworkLogonRight", "Access this computer from the network", false),
    DENY_NETWORK("SeDenyNetworkLogonRight", "Deny access to this computer from the network", true),
    BATCH("SeBatchLogonRight", "Log on as a batch job", false),
    DENY_BATCH("SeDenyBatchLogonRight", "Deny log on as a batch job", true),
    SERVICE("SeServiceLogonRight", "Log on as a service", false),
    DENY_SERVICE("SeDenyServiceLogonRight", "Deny log on as a service", true),
    REMOTE_INTERACTIVE("SeRemoteInteractiveLogonRight", "Allow log on through Remote Desktop Services", false),
    DENY_REMOTE_INTERACTIVE("SeDenyRemoteInteractiveLogonRight", "Deny log on through Remote Desktop Services", true);

    private static final Map<String, UserRight> BY_CONSTANT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(r -> r.constantName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String constantName;
    private final String displayName;
    private final boolean deny;

    UserRight(String constantName, String displayName, boolean deny) {
        this.constantName = constantName;
        this.displayName = displayName;
        this.deny = deny;
    }

    /** The constant LSA and security templates use, e.g. {@code SeBatchLogonRight}. */
    public String constantName() {
        return constantName;
    }

    /** The English name secpol.msc shows, e.g. "Log on as a batch job". */
    public String displayName() {
        return displayName;
    }

    public boolean isDeny() {
        return deny;
    }

    /** The deny right that overrides this allow right, or the allow right a deny right overrides. */
    public UserRight twin() {
        return values()[deny ? ordinal() - 1 : ordinal() + 1];
    }

    /** Looks a right up by its constant name, case-insensitively (templates and gpresult vary in case). */
    public static Optional<UserRight> fromConstantName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_CONSTANT.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return constantName;
    }
}
