package org.logonrights.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.IgnoreCase;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Memberships;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.MembershipFileParser;
import org.logonrights.sources.Parsed;

/**
 * A {@code --memberships} file on top of what a live or remote reader found: it supplies the groups a
 * reader could not resolve (another forest, a DC that is down, a local account) and overrides those it
 * did. File entries win, and a note per account says which entries came from the file.
 */
final class MembershipOverrides {

    /** Note code: an account's groups come from the --memberships file, instead of or besides the reader's. */
    static final String NOTE_FROM_FILE = "memberships-from-file";

    private MembershipOverrides() {
    }

    /** {@code snapshot} with the file's accounts replacing the reader's entries for the same account (name or SID). */
    static Snapshot apply(Snapshot snapshot, Path file, InputFiles files) throws InputException {
        Parsed<Memberships> parsed = MembershipFileParser.parse(file, files);
        List<InputNote> notes = new ArrayList<>(snapshot.notes());
        notes.addAll(parsed.notes());
        List<AccountMembership> merged = new ArrayList<>();
        List<AccountMembership> fromFile = parsed.value().accounts();
        for (AccountMembership read : snapshot.memberships().accounts()) {
            if (fromFile.stream().noneMatch(f -> same(f, read))) {
                merged.add(read);
            }
        }
        for (AccountMembership f : fromFile) {
            String account = f.account() != null ? f.account() : f.sid().toString();
            AccountMembership replaced = snapshot.memberships().accounts().stream().filter(r -> same(f, r)).findFirst()
                    .orElse(null);
            String message = replaced == null
                    ? "the groups of " + account + " come from " + file + " (the reader did not resolve them)"
                    : "the groups of " + account + " come from " + file + ", which overrides the "
                            + replaced.groups().size() + " group(s) read from " + replaced.provenance().describe();
            notes.add(new InputNote(InputNote.Level.INFO, NOTE_FROM_FILE, message, f.provenance()));
            merged.add(f);
        }
        return new Snapshot(snapshot.machine(), snapshot.rights(), snapshot.iis(), new Memberships(merged),
                snapshot.groupPolicy(), notes);
    }

    private static boolean same(AccountMembership a, AccountMembership b) {
        if (a.sid() != null && a.sid().equals(b.sid())) {
            return true;
        }
        return a.account() != null && b.account() != null
                && IgnoreCase.key(a.account().strip()).equals(IgnoreCase.key(b.account().strip()));
    }
}
