package org.logonrights.platform.remote;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Provenance;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.ResolvedRights;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * Reads the ten logon rights of a remote machine from a {@link RemoteLsa} into the same
 * {@link EffectiveRights} the local live reader produces (holders sorted by SID, named
 * {@code DOMAIN\name}, a right nobody holds has no assignment).
 *
 * <p>Two views are read: every account's rights (opnums 11 + 36), and per right its holders
 * (opnum 35). Opnum 35 is authoritative where the server knows the right; where it answers
 * 0xC0000060 (Samba knows only three logon rights) the per-account view stands in, with a note.
 */
public final class RemoteRightsReader {

    /** Note code: the server does not know some rights through opnum 35; their holders come from opnums 11 + 36. */
    public static final String NOTE_RIGHT_UNKNOWN_TO_SERVER = "remote-right-unknown-to-server";
    /** Note code: opnum 35 and opnums 11 + 36 disagree about a right's holders; both are kept. */
    public static final String NOTE_VIEWS_DISAGREE = "remote-lsa-views-disagree";

    private final RemoteLsa lsa;
    private final Provenance source;

    /** What was read: the rights, what the machine calls itself, and the notes made on the way. */
    public record Result(EffectiveRights rights, MachineInfo machine, List<InputNote> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param lsa an open policy; the caller keeps ownership and closes it
     * @param uncHost the machine as provenance names it, e.g. {@code \\WEB01}
     */
    public RemoteRightsReader(RemoteLsa lsa, String uncHost) {
        this.lsa = Objects.requireNonNull(lsa, "lsa");
        this.source = Provenance.of(SourceKind.LSA, Objects.requireNonNull(uncHost, "uncHost"));
    }

    public Result read() throws RemoteLsaException {
        List<InputNote> notes = new ArrayList<>();
        List<UserRight> unknownToServer = new ArrayList<>();
        Map<UserRight, Set<Sid>> perAccount = perAccountView();
        Map<UserRight, Set<Sid>> holders = new EnumMap<>(UserRight.class);
        Set<Sid> all = new TreeSet<>();
        for (UserRight right : UserRight.values()) {
            Set<Sid> fallback = perAccount.getOrDefault(right, Set.of());
            Set<Sid> sids = new TreeSet<>();
            try {
                sids.addAll(lsa.accountsWithRight(right));
                if (!sids.equals(fallback)) {
                    notes.add(note(InputNote.Level.WARNING, NOTE_VIEWS_DISAGREE, right, "LsarEnumerateAccountsWithUserRight lists "
                            + sids + " for " + right.constantName() + " but the accounts' own rights list " + fallback
                            + "; every SID from both was kept"));
                    sids.addAll(fallback);
                }
            } catch (RemoteNoSuchPrivilegeException e) {
                sids.addAll(fallback);
                unknownToServer.add(right);
            }
            if (!sids.isEmpty()) {
                holders.put(right, sids);
                all.addAll(sids);
            }
        }
        if (!unknownToServer.isEmpty()) {
            notes.add(0, new InputNote(InputNote.Level.INFO, NOTE_RIGHT_UNKNOWN_TO_SERVER, source.file()
                    + " does not know " + String.join(", ", unknownToServer.stream().map(UserRight::constantName).toList())
                    + " (LsarEnumerateAccountsWithUserRight returned 0xC0000060 STATUS_NO_SUCH_PRIVILEGE); their holders were "
                    + "read from every account's own rights (LsarEnumerateAccounts + LsarEnumerateAccountRights)", source));
        }
        Map<Sid, ResolvedName> names = all.isEmpty() ? Map.of() : lsa.lookupSids(all);
        EffectiveRights rights = ResolvedRights.of(holders,
                sid -> names.containsKey(sid) ? names.get(sid).qualifiedName() : null, source);
        return new Result(rights, machine(lsa.domains()), notes);
    }

    /** Opnums 11 + 36: who holds each logon right according to the accounts' own rights. */
    private Map<UserRight, Set<Sid>> perAccountView() throws RemoteLsaException {
        Map<UserRight, Set<Sid>> view = new EnumMap<>(UserRight.class);
        for (Sid sid : new TreeSet<>(lsa.enumerateAccounts())) {
            for (String name : lsa.accountRights(sid)) {
                Optional<UserRight> right = UserRight.fromConstantName(name);
                right.ifPresent(r -> view.computeIfAbsent(r, k -> new TreeSet<>()).add(sid));
            }
        }
        return view;
    }

    /**
     * The account domain is the machine's NetBIOS name on a member server or workgroup machine;
     * on a domain controller it is the domain itself, which has no local SAM, so the name stays
     * unknown rather than making every domain account look local.
     */
    static MachineInfo machine(RemoteLsa.PolicyDomains d) {
        String account = blankToNull(d.accountDomain());
        String primary = blankToNull(d.primaryDomain());
        String name = account != null && !account.equalsIgnoreCase(primary) ? account : null;
        return new MachineInfo(name, primary, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private InputNote note(InputNote.Level level, String code, UserRight right, String message) {
        return new InputNote(level, code, message, source.withElement(right.constantName()));
    }
}
