package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;

/**
 * {@link GroupMembershipReader} over Authz and NetAPI, through {@link AuthzApi} and {@link NetApi}
 * so that tests can hand in mocks and lay out the native buffers in JNA memory.
 *
 * <p>Authz first: one resource manager for the reader's life (no audit), one client context per
 * account, its groups copied into a buffer we allocate. When any Authz step fails, NetAPI: the
 * local groups with LG_INCLUDE_INDIRECT and the global groups from the account's domain controller,
 * marked incomplete (see {@link NetApiGroups}). Every Authz handle is released once, in a {@code finally}.
 */
final class JnaGroupMembershipReader implements GroupMembershipReader {

    static final String AUTHZ_SOURCE = "AuthzInitializeContextFromSid (S4U)";
    /** Authz without S4U: what it does silently when S4U is unavailable, said out loud. */
    static final String AUTHZ_WITHOUT_S4U_SOURCE = "AuthzInitializeContextFromSid (without S4U)";
    static final String NETAPI_SOURCE = "NetUserGetLocalGroups + NetUserGetGroups";

    private static final String INIT_RM = "AuthzInitializeResourceManager";
    private static final String INIT_CONTEXT = "AuthzInitializeContextFromSid";
    private static final String GET_INFO = "AuthzGetInformationFromContext";
    private static final int ERROR_INSUFFICIENT_BUFFER = 122;
    /**
     * Errors that mean no domain controller answered, not that the account is unknown: no logon servers,
     * no such domain (its DC is not found), RPC server unavailable, trust relationship failed.
     */
    private static final java.util.Set<Integer> DC_UNREACHABLE = java.util.Set.of(1311, 1355, 1722, 1789);
    /** No TOKEN_GROUPS comes near this; a larger "required size" is a malformed answer. */
    private static final int MAX_GROUPS_BUFFER = 16 * 1024 * 1024;

    private final AuthzApi authz;
    private final NetApiGroups netapi;
    private final AccountResolver resolver;
    private final LocalSecurityPolicy names;
    private final IntSupplier lastError;
    private final String computerName;
    private Pointer resourceManager;
    private Win32CallException resourceManagerFailure;

    JnaGroupMembershipReader(AuthzApi authz, NetApi netapi, AccountResolver resolver, LocalSecurityPolicy names,
                             IntSupplier lastError, String computerName) {
        this.authz = Objects.requireNonNull(authz, "authz");
        this.netapi = new NetApiGroups(Objects.requireNonNull(netapi, "netapi"));
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.names = Objects.requireNonNull(names, "names");
        this.lastError = Objects.requireNonNull(lastError, "lastError");
        this.computerName = Objects.requireNonNull(computerName, "computerName").strip();
    }

    /** A reader over the real Authz.dll and Netapi32.dll (loaded on this first use). */
    static JnaGroupMembershipReader local(LocalSecurityPolicy names, String computerName) {
        return new JnaGroupMembershipReader(AuthzApi.Holder.AUTHZ, NetApi.Holder.NETAPI32,
                new Advapi32AccountResolver(), names, Native::getLastError, computerName);
    }

    @Override
    public MembershipResult read(String accountName) {
        String written = Objects.requireNonNull(accountName, "accountName").strip();
        List<InputNote> notes = new ArrayList<>();
        ResolvedAccount account;
        try {
            account = resolver.resolve(lookupName(written));
        } catch (Win32CallException e) {
            String consequence = DC_UNREACHABLE.contains(e.error())
                    ? "the domain controller could not be reached, so whether the account exists is not known"
                    : "WAS will fail to log on an account that does not exist";
            notes.add(note(Level.WARNING, "account-unresolved", "Cannot resolve the pool account '" + written
                    + "' to a SID (" + e.getMessage() + "); its group membership is unknown, so grants and denies "
                    + "through groups stay undecided. " + Character.toUpperCase(consequence.charAt(0))
                    + consequence.substring(1) + ".", written, null));
            return new MembershipResult(null, notes);
        }
        String authzFailure;
        try {
            AuthzGroups authzGroups = authzGroups(account.sid());
            String source = authzGroups.s4uFailure() == null ? AUTHZ_SOURCE : AUTHZ_WITHOUT_S4U_SOURCE;
            List<Principal> groups = named(authzGroups.groups(), written, notes, source);
            if (authzGroups.s4uFailure() != null) {
                // docs/windows-facts.md §10.1: without S4U Authz reads the account object, which lacks only the
                // logon-type SIDs (NETWORK, INTERACTIVE...); the audit drops those and models the worker's own.
                notes.add(note(Level.INFO, "membership-without-s4u", "The groups of '" + written + "' were read by "
                        + "Authz without S4U (" + authzGroups.s4uFailure() + "), from the account object: it lacks "
                        + "only the logon-type SIDs, which the audit models itself.", written, source));
            }
            return new MembershipResult(new AccountMembership(written, account.sid(), groups, MembershipSource.AUTHZ_S4U,
                    true, provenance(source, written)), notes);
        } catch (Win32CallException e) {
            authzFailure = e.getMessage();
        }
        return fallback(written, account, authzFailure, notes);
    }

    /** The groups Authz gave, and why S4U was not used (null when it was). */
    private record AuthzGroups(List<Sid> groups, String s4uFailure) {
    }

    /** {@code .\name} means this machine: LookupAccountName and NetAPI know it only as {@code HOST\name}. */
    private String lookupName(String written) {
        if (written.startsWith(".\\")) {
            return computerName + written.substring(1);
        }
        return written;
    }

    // --- Authz ---

    private Pointer resourceManager() throws Win32CallException {
        if (resourceManager != null) {
            return resourceManager;
        }
        if (resourceManagerFailure != null) {
            throw resourceManagerFailure; // tried once: every later account goes straight to the fallback
        }
        PointerByReference out = new PointerByReference();
        if (!authz.AuthzInitializeResourceManager(AuthzApi.AUTHZ_RM_FLAG_NO_AUDIT, null, null, null, null, out)) {
            resourceManagerFailure = new Win32CallException(INIT_RM, lastError.getAsInt());
            throw resourceManagerFailure;
        }
        if (out.getValue() == null) {
            resourceManagerFailure = Win32CallException.malformed(INIT_RM, "no handle", null);
            throw resourceManagerFailure;
        }
        resourceManager = out.getValue();
        return resourceManager;
    }

    /**
     * With AUTHZ_REQUIRE_S4U_LOGON first, so that we know whether the groups come from an S4U logon;
     * when that is refused (S4U unavailable, or a Windows older than 8 that does not know the flag),
     * again without it, as Authz would have done on its own.
     */
    private AuthzGroups authzGroups(Sid account) throws Win32CallException {
        Pointer rm = resourceManager();
        try {
            return new AuthzGroups(authzGroups(account, rm, AuthzApi.AUTHZ_REQUIRE_S4U_LOGON), null);
        } catch (Win32CallException s4u) {
            if (!s4u.function().equals(INIT_CONTEXT) || s4u.error() == 0) {
                throw s4u;
            }
            return new AuthzGroups(authzGroups(account, rm, 0), s4u.getMessage());
        }
    }

    private List<Sid> authzGroups(Sid account, Pointer rm, int flags) throws Win32CallException {
        PointerByReference contextOut = new PointerByReference();
        byte[] binary = SidCodec.encode(account);
        // Kept open until the context is freed: Authz is not documented to copy the SID.
        try (Memory sid = new Memory(binary.length)) {
            sid.write(0, binary, 0, binary.length);
            if (!authz.AuthzInitializeContextFromSid(flags, sid, rm, null, new AuthzApi.LUID.ByValue(), null, contextOut)) {
                throw new Win32CallException(INIT_CONTEXT, lastError.getAsInt());
            }
            Pointer context = contextOut.getValue();
            if (context == null) {
                throw Win32CallException.malformed(INIT_CONTEXT, "no context handle", null);
            }
            try {
                return groupsOf(context, account);
            } finally {
                authz.AuthzFreeContext(context);
            }
        }
    }

    private List<Sid> groupsOf(Pointer context, Sid account) throws Win32CallException {
        IntByReference required = new IntByReference();
        boolean sized = authz.AuthzGetInformationFromContext(context, AuthzApi.AuthzContextInfoGroupsSids, 0, required, null);
        if (!sized) {
            int error = lastError.getAsInt();
            if (error != ERROR_INSUFFICIENT_BUFFER) {
                throw new Win32CallException(GET_INFO, error);
            }
        }
        int size = required.getValue();
        if (size <= 0 || size > MAX_GROUPS_BUFFER) {
            throw Win32CallException.malformed(GET_INFO, "required size " + Integer.toUnsignedString(size), null);
        }
        try (Memory buffer = new Memory(size)) {
            buffer.clear();
            if (!authz.AuthzGetInformationFromContext(context, AuthzApi.AuthzContextInfoGroupsSids, size, required, buffer)) {
                throw new Win32CallException(GET_INFO, lastError.getAsInt());
            }
            List<Sid> groups = new ArrayList<>();
            try {
                for (TokenGroups.Group g : TokenGroups.decode(buffer, size)) {
                    if (!g.sid().equals(account) && LogonGroupFilter.isRealGroup(g.sid(), g.attributes())
                            && !groups.contains(g.sid())) {
                        groups.add(g.sid());
                    }
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw Win32CallException.malformed(GET_INFO, "TOKEN_GROUPS: " + e.getMessage(), e);
            }
            return groups;
        }
    }

    /** The groups with the names LSA gives them; a failed lookup leaves them SID-only, with a note. */
    private List<Principal> named(List<Sid> sids, String written, List<InputNote> notes, String source) {
        Map<Sid, ResolvedName> resolved = Map.of();
        if (!sids.isEmpty()) {
            try {
                resolved = names.lookupSids(sids);
            } catch (LsaException e) {
                notes.add(note(Level.INFO, "group-names-unresolved", "The groups of '" + written
                        + "' are known by SID only (" + e.getMessage() + "); GPO entries that name them without a SID "
                        + "cannot be tied to them.", written, source));
            }
        }
        List<Principal> groups = new ArrayList<>(sids.size());
        for (Sid sid : sids) {
            ResolvedName n = resolved.get(sid);
            groups.add(new Principal(sid, n == null ? null : n.qualifiedName()));
        }
        groups.sort(Comparator.comparing(Principal::sid));
        return groups;
    }

    // --- NetAPI fallback ---

    private MembershipResult fallback(String written, ResolvedAccount account, String authzFailure, List<InputNote> notes) {
        ResolvedName sam = samName(account);
        String domain = sam.domain();
        String user = sam.name();
        boolean local = domain.isEmpty() || domain.equalsIgnoreCase(computerName);
        List<String> localGroups;
        try {
            localGroups = netapi.localGroups(local ? user : domain + "\\" + user);
        } catch (Win32CallException e) {
            notes.add(note(Level.WARNING, "membership-unavailable", "The group membership of '" + written
                    + "' could not be read: " + authzFailure + ", and " + e.getMessage() + ". Grants and denies "
                    + "through groups stay undecided; run elevated, on a machine that can reach a domain controller, "
                    + "or supply --memberships.", written, null));
            return new MembershipResult(null, notes);
        }
        List<String> globalGroups = List.of();
        String globalFailure = null;
        try {
            globalGroups = netapi.globalGroups(local ? null : netapi.dcName(domain), user);
        } catch (Win32CallException e) {
            globalFailure = e.getMessage();
        }
        Map<Sid, Principal> bySid = new LinkedHashMap<>();
        List<Principal> nameOnly = new ArrayList<>();
        for (String g : localGroups) {
            add(g, g, bySid, nameOnly);
        }
        for (String g : globalGroups) {
            String qualified = domain.isEmpty() ? g : domain + "\\" + g;
            add(qualified, qualified, bySid, nameOnly);
        }
        bySid.remove(account.sid());
        List<Principal> groups = new ArrayList<>(bySid.values());
        groups.sort(Comparator.comparing(Principal::sid));
        nameOnly.sort(Comparator.comparing(Principal::name, String.CASE_INSENSITIVE_ORDER));
        groups.addAll(nameOnly);
        String message = "The group membership of '" + written + "' was read with NetUserGetLocalGroups and "
                + "NetUserGetGroups because " + authzFailure + ". This fallback misses universal groups, groups of "
                + "other domains and nested global groups, so grants and denies that could come through a domain "
                + "group stay undecided.";
        if (globalFailure != null) {
            message += " The account's global groups are missing too: " + globalFailure + ".";
        }
        notes.add(note(Level.WARNING, "membership-incomplete", message, written, NETAPI_SOURCE));
        return new MembershipResult(new AccountMembership(written, account.sid(), groups, MembershipSource.NETAPI_FALLBACK,
                false, provenance(NETAPI_SOURCE, written)), notes);
    }

    /**
     * The account's domain and sAMAccountName as LSA names its SID. NetAPI takes that name, and the
     * name LookupAccountName hands back can echo what the user wrote: for a UPN identity
     * ({@code john.smith@contoso.com}) its prefix, which need not be the sAMAccountName. When LSA
     * cannot name the SID, the looked-up name is the best there is.
     */
    private ResolvedName samName(ResolvedAccount account) {
        try {
            ResolvedName n = names.lookupSids(List.of(account.sid())).get(account.sid());
            if (n != null && !n.name().isEmpty()) {
                return n;
            }
        } catch (LsaException e) {
            // keep the looked-up name
        }
        return account.name();
    }

    /** Adds a group by the SID its name resolves to; a name that does not resolve stays name-only. */
    private void add(String lookup, String display, Map<Sid, Principal> bySid, List<Principal> nameOnly) {
        try {
            ResolvedAccount g = resolver.resolve(lookup);
            if (LogonGroupFilter.isRealGroup(g.sid(), 0)) {
                bySid.putIfAbsent(g.sid(), new Principal(g.sid(), g.name().qualifiedName()));
            }
        } catch (Win32CallException e) {
            if (nameOnly.stream().noneMatch(p -> p.name().equalsIgnoreCase(display))) {
                nameOnly.add(Principal.ofName(display));
            }
        }
    }

    @Override
    public void close() {
        Pointer rm = resourceManager;
        resourceManager = null;
        if (rm != null) {
            authz.AuthzFreeResourceManager(rm);
        }
    }

    private static Provenance provenance(String source, String account) {
        return new Provenance(SourceKind.ACCOUNT_LOOKUP, source, 0, account);
    }

    private static InputNote note(Level level, String code, String message, String account, String source) {
        return new InputNote(level, code, message,
                new Provenance(SourceKind.ACCOUNT_LOOKUP, source == null ? "live account lookup" : source, 0, account));
    }
}
